import type { Cuboid } from '../domain/types.ts';
import type { AppState } from './AppState.ts';
import type { VisibilitySlice } from './slices/visibilitySlice.ts';

type Visibility = VisibilitySlice['visibility'];

/** Whether `box` is hidden: its class or the box itself. */
export function isBoxHidden(v: Visibility, box: Pick<Cuboid, 'id' | 'label'>): boolean {
  return v.hiddenClasses.includes(box.label) || v.hiddenBoxIds.includes(box.id);
}

/** Whether `box` is locked (cannot be selected in the viewport or edited): its class or the box itself. */
export function isBoxLocked(v: Visibility, box: Pick<Cuboid, 'id' | 'label'>): boolean {
  return v.lockedClasses.includes(box.label) || v.lockedBoxIds.includes(box.id);
}

/** Ids of the open frame's boxes of one of `classes` or among `ids`, as a set. */
function idsWhere(state: AppState, classes: readonly string[], ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (classes.length === 0 && ids.length === 0) return out;
  for (const c of state.doc?.cuboids ?? []) if (classes.includes(c.label) || ids.includes(c.id)) out.add(c.id);
  return out;
}

/** Ids of the hidden boxes of the open frame. Returns a new set: React callers memoise on `doc` and `visibility`. */
export function selectHiddenIds(state: AppState): Set<string> {
  return idsWhere(state, state.visibility.hiddenClasses, state.visibility.hiddenBoxIds);
}

/** Ids of the locked boxes of the open frame. Returns a new set: React callers memoise on `doc` and `visibility`. */
export function selectLockedIds(state: AppState): Set<string> {
  return idsWhere(state, state.visibility.lockedClasses, state.visibility.lockedBoxIds);
}

/** The message shown when an edit is refused because boxes are locked. */
export function lockedMessage(count: number, what = 'edited'): string {
  const which = count === 1 ? 'The selected box is locked: it' : `${count} selected boxes are locked: they`;
  return `${which} cannot be ${what}. Unlock in the object list (lock icon).`;
}
