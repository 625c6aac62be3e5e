import { updateCuboid as updateCuboidOp, type CuboidPatch } from '../domain/document/cuboidOps.ts';
import type { Action } from './Action.ts';
import type { AppStore } from '../state/createAppStore.ts';
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
 * One undo step; no keys. An edge under 0.1 m is raised to 0.1 m, and a message says so. A value
 * the save would refuse (a coordinate beyond 1,000 km, an edge of 0 or less or over 10 km, not a
 * finite number) is not applied: a message says why, and the box stays as it was (it would
 * otherwise block every save of the frame). The next edit that is applied takes that message away.
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
      showRefusal(ctx.store, `${refused}: not changed.`);
      return;
    }
    if (refusal !== null && state.ui.message?.id === refusal) state.dismissMessage();
    refusal = null;
    const clean: CuboidPatch = { ...patch };
    if (patch.size) {
      clean.size = [Math.max(MIN_EDGE, patch.size[0]), Math.max(MIN_EDGE, patch.size[1]), Math.max(MIN_EDGE, patch.size[2])];
      const raised = patch.size.findIndex((v, i) => v < MIN_EDGE && (box === undefined || Math.abs(v - box.size[i]) > 1e-9));
      if (raised >= 0) state.showMessage(`${EDGES[raised]} ${patch.size[raised]} m raised to ${MIN_EDGE.toFixed(2)} m, the least a box may measure.`, 'info');
    }
    return { docChange: (doc) => updateCuboidOp(doc, id, clean) };
  },
};

/** The shortest edge a box is given (metres). */
const MIN_EDGE = 0.1;
const EDGES = ['l', 'w', 'h'];
/** The id of the message of the last refused edit, while it may still be shown. */
let refusal: number | null = null;

/** Shows why an edit of the box panel was not applied; the next edit applied takes the message away. */
export function showRefusal(store: AppStore, text: string): void {
  store.getState().showMessage(text, 'warning');
  refusal = store.getState().ui.message?.id ?? null;
}

/** Why a patch cannot be saved (the annotation schema's bounds) or is no size at all, or null. */
function outOfBounds(patch: CuboidPatch): string | null {
  const names = ['x', 'y', 'z'];
  for (const [i, v] of (patch.center ?? []).entries()) {
    if (!Number.isFinite(v) || Math.abs(v) > MAX_COORD)
      return `${names[i]} ${v} m is beyond the ${MAX_COORD.toLocaleString('en')} m a box may be from the origin`;
  }
  for (const [i, v] of (patch.size ?? []).entries()) {
    if (!Number.isFinite(v) || v > MAX_SIZE) return `${EDGES[i]} ${v} m is more than the ${MAX_SIZE.toLocaleString('en')} m a box may measure`;
    if (v <= 0) return `${EDGES[i]} ${v} m is no size: a box's edge is longer than 0`;
  }
  if (patch.yaw !== undefined && !Number.isFinite(patch.yaw)) return `yaw ${patch.yaw} is not a number`;
  return null;
}
