import type { Cuboid, CuboidSource } from '../types.ts';

/** Box counts per `Cuboid.source`. */
export type SourceCounts = Record<CuboidSource, number>;

/**
 * What one save did to a frame's boxes, recorded in the activity log so that metrics never need
 * the documents: boxes by source after the save, boxes added (by source), removed and changed.
 */
export interface SaveSummary {
  boxCount: number;
  bySource: SourceCounts;
  added: SourceCounts;
  removed: number;
  /** Boxes in both revisions whose geometry, class, track or attributes differ. */
  changed: number;
}

/** Zero counts for every source. */
export function emptySourceCounts(): SourceCounts {
  return { manual: 0, fit: 0, import: 0 };
}

/**
 * Summarises a save: `prev` the boxes of the revision it replaces (null or empty for the first
 * save), `next` the saved boxes. Boxes are matched by id. Pure.
 */
export function summarizeSave(prev: readonly Cuboid[] | null, next: readonly Cuboid[]): SaveSummary {
  const before = new Map((prev ?? []).map((c) => [c.id, c]));
  const bySource = emptySourceCounts();
  const added = emptySourceCounts();
  let changed = 0;
  let kept = 0;
  for (const c of next) {
    bySource[c.source]++;
    const old = before.get(c.id);
    if (old === undefined) added[c.source]++;
    else {
      kept++;
      if (!sameBox(old, c)) changed++;
    }
  }
  return { boxCount: next.length, bySource, added, removed: before.size - kept, changed };
}

function sameBox(a: Cuboid, b: Cuboid): boolean {
  if (a.label !== b.label || a.trackId !== b.trackId || a.yaw !== b.yaw) return false;
  for (let i = 0; i < 3; i++) if (a.center[i] !== b.center[i] || a.size[i] !== b.size[i]) return false;
  const keys = new Set([...Object.keys(a.attributes), ...Object.keys(b.attributes)]);
  for (const k of keys) if (a.attributes[k] !== b.attributes[k]) return false;
  return true;
}
