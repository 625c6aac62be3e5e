import type { Dismissal, FrameAnnotation } from '../document/FrameAnnotation.ts';
import type { Cuboid, Vec3 } from '../types.ts';

/** How one box differs between two revisions. */
export type BoxChange = 'added' | 'removed' | 'changed' | 'unchanged';

/** One box of a diff. Deltas are `to − from`, LiDAR frame: metres for position and size, radians for yaw. */
export interface BoxDiff {
  cuboidId: string;
  change: BoxChange;
  /** Class in the older revision (null for an added box). */
  fromLabel: string | null;
  /** Class in the newer revision (null for a removed box). */
  toLabel: string | null;
  classChanged: boolean;
  /** Δ centre `[dx, dy, dz]`, metres (null unless the box is in both). */
  dPosition: Vec3 | null;
  /** |Δ centre|, metres. */
  dDistance: number | null;
  /** Δ size `[dl, dw, dh]`, metres. */
  dSize: Vec3 | null;
  /** Δ yaw wrapped to (−π, π], radians (a heading flip shows as ±π). */
  dYaw: number | null;
  trackChanged: boolean;
  /** Attribute keys whose value differs (truncated, occluded, ...), sorted. */
  attributesChanged: string[];
}

export interface AnnotationDiff {
  fromRevision: number;
  toRevision: number;
  /** Boxes in the newer revision's order, then removed boxes in the older revision's order. */
  boxes: BoxDiff[];
  counts: Record<BoxChange, number>;
  /**
   * "Not an object" marks (dismissed missed-object findings) made or taken back between the two
   * revisions, matched by id: a frame whose only change is such a mark reads as one.
   */
  marks: { added: Dismissal[]; removed: Dismissal[] };
}

export interface DiffOptions {
  /** Changes at or below these are treated as equal (float noise); defaults 1e-9 m and 1e-9 rad. */
  epsilonMetres?: number;
  epsilonRadians?: number;
}

/**
 * The per-box difference between two revisions of a frame's annotation, boxes matched by id.
 * A box is `changed` when its centre, size, yaw (beyond the epsilons), class, track or any
 * attribute differs. Pure; the documents are not modified.
 */
export function diffAnnotations(from: FrameAnnotation, to: FrameAnnotation, opts: DiffOptions = {}): AnnotationDiff {
  const epsM = opts.epsilonMetres ?? 1e-9;
  const epsR = opts.epsilonRadians ?? 1e-9;
  const before = new Map(from.cuboids.map((c) => [c.id, c]));
  const after = new Set(to.cuboids.map((c) => c.id));
  const boxes: BoxDiff[] = [];
  for (const c of to.cuboids) {
    const old = before.get(c.id);
    boxes.push(old === undefined ? onlyIn(c, 'added') : compare(old, c, epsM, epsR));
  }
  for (const c of from.cuboids) if (!after.has(c.id)) boxes.push(onlyIn(c, 'removed'));
  const counts: Record<BoxChange, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const b of boxes) counts[b.change]++;
  return { fromRevision: from.revision, toRevision: to.revision, boxes, counts, marks: diffMarks(from.dismissals ?? [], to.dismissals ?? []) };
}

/** The marks only in `to` (added) and only in `from` (removed), by id. */
function diffMarks(from: Dismissal[], to: Dismissal[]): AnnotationDiff['marks'] {
  const before = new Set(from.map((d) => d.id));
  const after = new Set(to.map((d) => d.id));
  return { added: to.filter((d) => !before.has(d.id)), removed: from.filter((d) => !after.has(d.id)) };
}

/** An angle difference wrapped to (−π, π], radians. */
export function wrapAngle(a: number): number {
  const twoPi = 2 * Math.PI;
  let r = a % twoPi;
  if (r <= -Math.PI) r += twoPi;
  else if (r > Math.PI) r -= twoPi;
  return r;
}

function onlyIn(c: Cuboid, change: 'added' | 'removed'): BoxDiff {
  return {
    cuboidId: c.id,
    change,
    fromLabel: change === 'removed' ? c.label : null,
    toLabel: change === 'added' ? c.label : null,
    classChanged: false,
    dPosition: null,
    dDistance: null,
    dSize: null,
    dYaw: null,
    trackChanged: false,
    attributesChanged: [],
  };
}

function compare(a: Cuboid, b: Cuboid, epsM: number, epsR: number): BoxDiff {
  const dPosition: Vec3 = [b.center[0] - a.center[0], b.center[1] - a.center[1], b.center[2] - a.center[2]];
  const dSize: Vec3 = [b.size[0] - a.size[0], b.size[1] - a.size[1], b.size[2] - a.size[2]];
  const dYaw = wrapAngle(b.yaw - a.yaw);
  const keys = new Set([...Object.keys(a.attributes), ...Object.keys(b.attributes)]);
  const attributesChanged = [...keys].filter((k) => a.attributes[k] !== b.attributes[k]).sort();
  const classChanged = a.label !== b.label;
  const trackChanged = a.trackId !== b.trackId;
  const moved = dPosition.some((d) => Math.abs(d) > epsM) || dSize.some((d) => Math.abs(d) > epsM) || Math.abs(dYaw) > epsR;
  const changed = moved || classChanged || trackChanged || attributesChanged.length > 0;
  return {
    cuboidId: b.id,
    change: changed ? 'changed' : 'unchanged',
    fromLabel: a.label,
    toLabel: b.label,
    classChanged,
    dPosition,
    dDistance: Math.hypot(dPosition[0], dPosition[1], dPosition[2]),
    dSize,
    dYaw,
    trackChanged,
    attributesChanged,
  };
}
