import type { CuboidPatch } from '../domain/document/cuboidOps.ts';
import { updateCuboids } from '../domain/document/cuboidOps.ts';
import type { Action, ActionResult } from './Action.ts';
import { editableSelection, hasSelection } from './actionHelpers.ts';
import { refitPrior } from './refitPrior.ts';
import { EXCLUDE_REACH } from '../tools/fit/fitAtPoint.ts';

/**
 * R: fits each selected box again to the points around it, as its own class, with the box as the
 * prior while its size suits that class (`refitPrior`; a relabelled box is sized by its new class,
 * and so is a box fitted as another class and relabelled since, whatever its size),
 * leaving out the points of the other boxes around it (`exclude`, as F does). Boxes the
 * fit service finds nothing for, and boxes of that size on fewer than 10 returns (a low-confidence
 * fit), stay as they are (message). All refits land as one undo step;
 * dropped if the frame changed meanwhile.
 */
export const refit: Action = {
  id: 'refit',
  label: 'Refit selected boxes',
  keys: ['r'],
  group: 'edit',
  predicate: hasSelection,
  perform: async (ctx): Promise<ActionResult> => {
    const state = ctx.store.getState();
    const frameId = state.doc!.frameId;
    const boxes = editableSelection(ctx);
    if (boxes.length === 0) return;
    state.addPendingFits(boxes.length);
    const patches: Record<string, CuboidPatch> = {};
    let missed = 0;
    let sparse = 0;
    try {
      const seeds = boxes.map((b): [number, number, number] => [b.center[0], b.center[1], b.center[2]]);
      // A box fitted as another class and relabelled since (a Car made Van) was sized for that
      // class: it is fitted afresh as its own, not at its old size.
      const hints = state.interaction.fitHints;
      const relabelled = (b: (typeof boxes)[number]): boolean => (hints[b.id]?.label ?? b.label) !== b.label;
      const priors = boxes.map((b) => (relabelled(b) ? undefined : refitPrior(b)));
      const others = state.doc!.cuboids;
      const results = await Promise.all(
        boxes.map((b, i) => {
          const prior = priors[i];
          // The other boxes around keep their points, as for F: a refit beside a boxed car never takes in part of it.
          const exclude = others
            .filter((c) => c.id !== b.id && Math.hypot(c.center[0] - b.center[0], c.center[1] - b.center[1]) < EXCLUDE_REACH)
            .map((c) => ({ center: c.center, size: c.size, yaw: c.yaw }));
          return ctx.services.fit.fit(frameId, seeds[i], { label: b.label, ...(prior ? { prior } : {}), ...(exclude.length > 0 ? { exclude } : {}) });
        }),
      );
      results.forEach((r, i) => {
        if (!r) {
          missed++;
          return;
        }
        // A handful of returns (a far car's 9) says less than the box the user placed: it is kept.
        if (r.confidence === 'low' && priors[i] !== undefined) {
          sparse++;
          return;
        }
        patches[boxes[i].id] = { center: r.center, size: r.size, yaw: r.yaw, source: 'fit' };
        const { center, size, yaw } = boxes[i];
        const prior = priors[i] ? { center, size, yaw } : null;
        ctx.store.getState().setFitHint(boxes[i].id, { candidates: r.headingCandidates, index: 0, seed: seeds[i], prior, label: boxes[i].label });
      });
    } catch (err) {
      ctx.store.getState().showMessage(`Refit failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
      return;
    } finally {
      ctx.store.getState().addPendingFits(-boxes.length);
    }
    if (missed > 0) ctx.store.getState().showMessage(`Refit found no points for ${missed} box${missed > 1 ? 'es' : ''}.`, 'warning');
    else if (sparse > 0)
      ctx.store
        .getState()
        .showMessage(
          `${sparse === boxes.length ? (sparse === 1 ? 'The box was' : 'The boxes were') : `${sparse} of the boxes were`} kept as placed: fewer than 10 returns say less about the object than the box does.`,
          'info',
        );
    return { docChange: (doc) => (doc.frameId === frameId ? updateCuboids(doc, patches) : doc) };
  },
};
