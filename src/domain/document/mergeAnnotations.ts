import type { Cuboid } from '../types.ts';
import type { Dismissal, FrameAnnotation } from './FrameAnnotation.ts';

export interface MergeResult {
  /** Both sides' edits in one document at `theirs.revision` (meaningful when `conflicts` is empty). */
  doc: FrameAnnotation;
  /** Ids of boxes (or dismissals) both sides changed differently (`'dontCare'` for the DontCare regions). */
  conflicts: string[];
}

/** A value with object keys sorted, so two boxes built by different code paths compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Three-way merge of a frame's annotation, box by box (boxes matched by id): `base` is the
 * revision both edits started from, `mine` the local edit, `theirs` the server's newer revision.
 * A box changed (or added, or deleted) on one side only takes that side's version; changed the
 * same way on both, either; changed differently on both, it is a conflict. "Not an object"
 * dismissals merge the same way, by their own ids. Review state (status, flags) is the server's,
 * so it comes from `theirs`. Order: `theirs`, then items only `mine` added.
 */
export function mergeAnnotations(base: FrameAnnotation, mine: FrameAnnotation, theirs: FrameAnnotation): MergeResult {
  const conflicts: string[] = [];
  const cuboids = mergeById<Cuboid>(base.cuboids, mine.cuboids, theirs.cuboids, conflicts);
  const dismissals = mergeById<Dismissal>(base.dismissals ?? [], mine.dismissals ?? [], theirs.dismissals ?? [], conflicts);
  let dontCare = theirs.dontCare;
  if (!same(base.dontCare, mine.dontCare)) {
    if (same(base.dontCare, theirs.dontCare) || same(mine.dontCare, theirs.dontCare)) dontCare = mine.dontCare;
    else conflicts.push('dontCare');
  }
  return { doc: { ...theirs, cuboids, dontCare, dismissals }, conflicts };
}

/** Three-way merge of id-keyed items; ids changed differently on both sides go to `conflicts` (mine kept). */
function mergeById<T extends { id: string }>(base: readonly T[], mine: readonly T[], theirs: readonly T[], conflicts: string[]): T[] {
  const byId = (items: readonly T[]) => new Map(items.map((c) => [c.id, c]));
  const b = byId(base);
  const m = byId(mine);
  const t = byId(theirs);
  const pick = (id: string): T | undefined => {
    const bb = b.get(id);
    const mm = m.get(id);
    const tt = t.get(id);
    if (same(bb, mm)) return tt;
    if (same(bb, tt) || same(mm, tt)) return mm;
    conflicts.push(id);
    return mm;
  };
  const out: T[] = [];
  const seen = new Set<string>();
  for (const id of [...t.keys(), ...m.keys(), ...b.keys()]) {
    if (seen.has(id)) continue;
    seen.add(id);
    const item = pick(id);
    if (item) out.push(item);
  }
  return out;
}
