import { updateCuboid as updateCuboidOp, type CuboidPatch } from '../domain/document/cuboidOps.ts';
import type { Action } from './Action.ts';
import { hasDoc } from './actionHelpers.ts';
import { isBoxLocked, lockedMessage } from '../state/visibilitySelectors.ts';

/** The `value` of `updateCuboid`: which box and which fields (LiDAR frame, metres, radians). */
export interface UpdateCuboidValue {
  id: string;
  patch: CuboidPatch;
}

function isValue(v: unknown): v is UpdateCuboidValue {
  return typeof v === 'object' && v !== null && typeof (v as UpdateCuboidValue).id === 'string' && typeof (v as UpdateCuboidValue).patch === 'object';
}

/**
 * Sets fields of one box from a panel (the inspector's numeric inputs, a class dropdown):
 * `executeAction('updateCuboid', undefined, { id, patch: { size: [4.2, 1.8, 1.5] } })`.
 * One undo step; no keys. A size component is clamped to at least 0.1 m.
 */
export const updateCuboid: Action = {
  id: 'updateCuboid',
  label: 'Edit box',
  keys: [],
  group: 'edit',
  predicate: hasDoc,
  perform: (ctx) => {
    if (!isValue(ctx.value)) throw new Error('updateCuboid: value must be { id: string, patch: CuboidPatch }');
    const { id, patch } = ctx.value;
    const state = ctx.store.getState();
    const box = state.doc?.cuboids.find((c) => c.id === id);
    if (box && isBoxLocked(state.visibility, box)) {
      state.showMessage(lockedMessage(1), 'warning');
      return;
    }
    const clean: CuboidPatch = { ...patch };
    if (patch.size) clean.size = [Math.max(0.1, patch.size[0]), Math.max(0.1, patch.size[1]), Math.max(0.1, patch.size[2])];
    return { docChange: (doc) => updateCuboidOp(doc, id, clean) };
  },
};
