import type { Cuboid } from '../domain/types.ts';
import { updateCuboids, type CuboidPatch } from '../domain/document/cuboidOps.ts';
import type { AppState } from '../state/AppState.ts';
import { selectSelectedCuboids } from '../state/selectors.ts';
import { isBoxLocked, lockedMessage } from '../state/visibilitySelectors.ts';
import type { ActionContext, ActionResult } from './Action.ts';
import { degreesToRadians, type Degrees, type Radians } from '../domain/units/angles.ts';

/** Predicate: a frame's document is loaded. */
export function hasDoc(state: AppState): boolean {
  return state.doc !== null;
}

/** Predicate: at least one existing box is selected. */
export function hasSelection(state: AppState): boolean {
  return selectSelectedCuboids(state).length > 0;
}

/** Step size for keyboard edits: `small`, or `large` with shift held. */
export function stepFor<T extends number>(ctx: ActionContext, small: T, large: T): T {
  return ctx.input?.shiftKey ? large : small;
}

/**
 * The selected boxes an edit may change: locked ones (object list) are left out, and when any are,
 * a message says so (`what`: "edited", "deleted", ...).
 */
export function editableSelection(ctx: ActionContext, what = 'edited'): Cuboid[] {
  const state = ctx.store.getState();
  const selected = selectSelectedCuboids(state);
  const editable = selected.filter((c) => !isBoxLocked(state.visibility, c));
  if (editable.length < selected.length) state.showMessage(lockedMessage(selected.length - editable.length, what), 'warning');
  return editable;
}

/**
 * A document change that patches every selected box with `fn(box)` (null = leave it): one undo
 * step for the whole selection. Locked boxes are left as they are (`editableSelection`).
 */
export function patchSelection(ctx: ActionContext, fn: (c: Cuboid) => CuboidPatch | null): ActionResult {
  const patches: Record<string, CuboidPatch> = {};
  for (const c of editableSelection(ctx)) {
    const p = fn(c);
    if (p) patches[c.id] = p;
  }
  return { docChange: (doc) => updateCuboids(doc, patches) };
}

/** Degrees to radians (a step typed in degrees, applied to a yaw in radians). */
export function degToRad(deg: Degrees): Radians {
  return degreesToRadians(deg);
}
