import { updateCuboid as updateCuboidOp, type CuboidPatch } from '../domain/document/cuboidOps.ts';
import type { Action } from './Action.ts';
import { hasDoc } from './actionHelpers.ts';
import { isBoxLocked, lockedMessage } from '../state/visibilitySelectors.ts';
import { MAX_COORD, MAX_SIZE } from '../domain/document/boxLimits.ts';

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
 * One undo step; no keys. A size component is clamped to at least 0.1 m. A value the save would
 * refuse (a coordinate beyond 1,000 km, an edge over 10 km, not a finite number) is not applied:
 * a message says why, and the box stays as it was (it would otherwise block every save of the frame).
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
    const refused = outOfBounds(patch);
    if (refused !== null) {
      state.showMessage(`${refused}: not changed.`, 'warning');
      return;
    }
    const clean: CuboidPatch = { ...patch };
    if (patch.size) clean.size = [Math.max(0.1, patch.size[0]), Math.max(0.1, patch.size[1]), Math.max(0.1, patch.size[2])];
    return { docChange: (doc) => updateCuboidOp(doc, id, clean) };
  },
};

/** Why a patch cannot be saved (the annotation schema's bounds), or null. */
function outOfBounds(patch: CuboidPatch): string | null {
  const names = ['x', 'y', 'z'];
  for (const [i, v] of (patch.center ?? []).entries()) {
    if (!Number.isFinite(v) || Math.abs(v) > MAX_COORD)
      return `${names[i]} ${v} m is beyond the ${MAX_COORD.toLocaleString('en')} m a box may be from the origin`;
  }
  for (const [i, v] of (patch.size ?? []).entries()) {
    if (!Number.isFinite(v) || v > MAX_SIZE) return `${['l', 'w', 'h'][i]} ${v} m is more than the ${MAX_SIZE.toLocaleString('en')} m a box may measure`;
  }
  if (patch.yaw !== undefined && !Number.isFinite(patch.yaw)) return `yaw ${patch.yaw} is not a number`;
  return null;
}
