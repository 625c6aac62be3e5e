import type { Cuboid } from '../domain/types.ts';
import { updateCuboids, type CuboidPatch } from '../domain/document/cuboidOps.ts';
import { selectSelectedCuboids } from '../state/selectors.ts';
import type { Action, ActionContext, ActionResult } from './Action.ts';
import { hasSelection } from './actionHelpers.ts';

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
  const r = await ctx.services.fit.fit(frameId, [c.center[0], c.center[1], c.center[2]], { label: c.label, prior: c, headingIndex: index });
  if (!r) return quarterTurn(c);
  if (r.headingCandidates.length > 0) {
    const now = ctx.store.getState().interaction.fitHints[c.id] ?? { index };
    ctx.store.getState().setFitHint(c.id, { candidates: r.headingCandidates, index: now.index });
  }
  return { center: r.center, size: r.size, yaw: r.yaw };
}

/**
 * H: the next heading for each selected box. A fitted box steps through its fit's heading
 * candidates (asking the fit service for the box at that heading); any other box turns a
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
    const boxes = selectSelectedCuboids(ctx.store.getState());
    const patches: Record<string, CuboidPatch> = {};
    const results = await Promise.all(boxes.map((c) => nextHeading(ctx, frameId, c).catch(() => quarterTurn(c))));
    results.forEach((p, i) => (patches[boxes[i].id] = p));
    return { docChange: (doc) => (doc.frameId === frameId ? updateCuboids(doc, patches) : doc) };
  },
};
