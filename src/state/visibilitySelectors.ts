import type { Cuboid } from '../domain/types.ts';
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

/** Ids of `cuboids` of one of `classes` or among `ids`, as a set. */
function idsWhere(cuboids: readonly Cuboid[], classes: readonly string[], ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (classes.length === 0 && ids.length === 0) return out;
  const classSet = new Set(classes);
  const idSet = new Set(ids);
  for (const c of cuboids) if (classSet.has(c.label) || idSet.has(c.id)) out.add(c.id);
  return out;
}

/** Ids of the hidden boxes among `cuboids`. */
export function hiddenIdsOf(cuboids: readonly Cuboid[], v: Visibility): Set<string> {
  return idsWhere(cuboids, v.hiddenClasses, v.hiddenBoxIds);
}

/** Ids of the locked boxes among `cuboids`. */
export function lockedIdsOf(cuboids: readonly Cuboid[], v: Visibility): Set<string> {
  return idsWhere(cuboids, v.lockedClasses, v.lockedBoxIds);
}

/** The message shown when an edit is refused because boxes are locked. */
export function lockedMessage(count: number, what = 'edited'): string {
  const which = count === 1 ? 'The selected box is locked: it' : `${count} selected boxes are locked: they`;
  return `${which} cannot be ${what}. Unlock in the object list (lock icon).`;
}
