import type { Cuboid } from '../domain/types.ts';
import { updateCuboids, type CuboidPatch } from '../domain/document/cuboidOps.ts';
import type { Action, ActionContext, ActionResult } from './Action.ts';
import { editableSelection, hasSelection } from './actionHelpers.ts';

/** The same footprint with the heading turned a quarter: yaw + π/2, length and width swapped. */
export function quarterTurn(c: Cuboid): CuboidPatch {
  return { yaw: c.yaw + Math.PI / 2, size: [c.size[1], c.size[0], c.size[2]] };
}

async function nextHeading(ctx: ActionContext, frameId: string, c: Cuboid): Promise<CuboidPatch> {
  const hint = ctx.store.getState().interaction.fitHints[c.id];
  if (!hint || hint.candidates.length < 2) return quarterTurn(c);
  const index = (hint.index + 1) % hint.candidates.length;
  // Advance before the fit answers, so that quick repeated presses each take the next candidate.
  ctx.store.getState().setFitHint(c.id, { ...hint, index });
  // Same seed and prior as the fit that made the box, so the candidate order stays put.
  const options = hint.prior ? { label: c.label, prior: hint.prior, headingIndex: index } : { label: c.label, headingIndex: index };
  const r = await ctx.services.fit.fit(frameId, hint.seed, options);
  if (!r) return quarterTurn(c);
  return { center: r.center, size: r.size, yaw: r.yaw };
}

/**
 * H: the next heading for each selected box. A fitted box steps through its fit's heading
 * candidates (asking the fit service again with the same seed and prior and the next
 * `headingIndex`, so the candidate order is stable); any other box turns a
 * quarter (same footprint, length and width swapped), so four presses come back round.
 * One undo step per press.
 */
export const cycleHeading: Action = {
  id: 'cycleHeading',
  label: 'Next heading candidate',
  keys: ['h'],
  group: 'edit',
  predicate: hasSelection,
  perform: async (ctx): Promise<ActionResult> => {
    const frameId = ctx.store.getState().doc!.frameId;
    const boxes = editableSelection(ctx);
    if (boxes.length === 0) return;
    const patches: Record<string, CuboidPatch> = {};
    const results = await Promise.all(boxes.map((c) => nextHeading(ctx, frameId, c).catch(() => quarterTurn(c))));
    results.forEach((p, i) => (patches[boxes[i].id] = p));
    return { docChange: (doc) => (doc.frameId === frameId ? updateCuboids(doc, patches) : doc) };
  },
};
