import { groundHeightAt } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import { pointComponents } from '../../geometry/cellComponents.ts';
import type { ClusterPart } from './ClusterPart.ts';
import { partFootprint, partHeights, partPoints } from './measurePart.ts';

/** A vehicle-sized body carved out of a cluster, with its points. */
export interface VehiclePart extends ClusterPart {
  /** The part's points, x y z. */
  xyz: Float32Array;
}

/** Cells of the split (metres): a car's side 0.3 m from a trunk or a planter stays apart from it. */
const CELL = 0.3;
/** Columns (metres) in which a trunk, a post or a wall is told by going on up: two cells of the split. */
const COLUMN = 0.6;
/** The layer a car's body fills (above the ground, metres): from the sills to the roof. */
const LOW = 0.15;
export const BODY_LAYER_TOP = 2.2;
const HIGH = BODY_LAYER_TOP;
/** Above the layer, this far up (metres), what a column goes on into. */
const ABOVE = 1.5;
/** A gap (metres) over a column's top that something above hangs over: a crown over a roof, at least one and a half beam rows. */
const OVERHANG_GAP = 0.4;
const ROW_GAPS = 1.5;
/**
 * A part thinner than this (metres) longer than a vehicle is wide is one face longer than a car's
 * end: under a crown, a side seen alone is not told from a fence, a hedge or a wall there.
 */
const THIN = 0.8;
const END_LENGTH = 2.4;
/** A column this far (metres) inside a part's footprint pierces it. */
const PIERCE_INSET = 0.1;

/** Whether one of `posts` (column centres, x y) lies inside the footprint `f`, 0.1 m in from its sides. */
function pierced(f: { x: number; y: number; yaw: number; length: number; width: number }, posts: readonly (readonly [number, number])[]): boolean {
  const c = Math.cos(f.yaw);
  const s = Math.sin(f.yaw);
  for (const [px, py] of posts) {
    const dx = px - f.x;
    const dy = py - f.y;
    if (Math.abs(dx * c + dy * s) < f.length / 2 - PIERCE_INSET && Math.abs(dy * c - dx * s) < f.width / 2 - PIERCE_INSET) return true;
  }
  return false;
}

/** A body's footprint (metres, along its principal axis): a car's end (1.4 m, the narrowest car) to a van's side. */
const MIN_LENGTH = 1.4;
const MAX_LENGTH = 7;
/** It rises at least this high and starts at most this high above the ground (metres). */
const MIN_TOP = 0.9;
const MAX_BOTTOM = 0.6;
/** ...and its top stays this far under the layer's (metres): something cut off by the layer is no body standing free under a cover. */
const TOP_CLEARANCE = 0.3;

/**
 * Vehicle-sized bodies standing inside a cluster that, whole, is scenery: a car parked under a
 * street tree, or beside a trunk, a post or a planter, joins them in the 0.4 m grid of the
 * obstacle clusters, and the whole reaches 4 m up. The cluster's points 0.15–2.2 m above the
 * ground are split into connected 0.3 m cells, leaving out the 0.6 m columns that go on up: a
 * point 2.2–3.7 m up no farther above the column's top in the layer than a crown's gap (0.4 m,
 * or one and a half of the sensor's beam rows there, `rowGap` metres), that top within that gap
 * of 2.2 m (a trunk, a post, a wall or a hedge rising into the crown). A crown over a roof hangs
 * above a wider gap and does not count. Each component is kept with `minPoints` points, a
 * footprint 1.4–7 m long (one face, under 0.8 m deep, no longer than a car's end: 2.4 m), a top 0.9–1.9 m (under the layer's top: nothing cut off by it) and a
 * bottom at most 0.6 m above the ground. `xyz`: the cluster's points.
 */
export function vehiclesInCluster(xyz: Float32Array, ground: GroundModel, minPoints: number, rowGap: number): VehiclePart[] {
  const n = Math.floor(xyz.length / 3);
  if (n < minPoints) return [];
  const h = new Float32Array(n);
  for (let i = 0; i < n; i++) h[i] = xyz[3 * i + 2] - groundHeightAt(ground, xyz[3 * i], xyz[3 * i + 1]);
  // Per column: the layer's top there and the lowest point above it.
  const columnOf = (i: number): number => Math.floor(xyz[3 * i] / COLUMN) * 65536 + Math.floor(xyz[3 * i + 1] / COLUMN);
  const columns = new Map<number, { top: number; above: number; x: number; y: number }>();
  for (let i = 0; i < n; i++) {
    if (h[i] < LOW || h[i] > HIGH + ABOVE) continue;
    const k = columnOf(i);
    let c = columns.get(k);
    if (c === undefined)
      columns.set(
        k,
        (c = { top: -Infinity, above: Infinity, x: (Math.floor(xyz[3 * i] / COLUMN) + 0.5) * COLUMN, y: (Math.floor(xyz[3 * i + 1] / COLUMN) + 0.5) * COLUMN }),
      );
    if (h[i] > HIGH) c.above = Math.min(c.above, h[i]);
    else c.top = Math.max(c.top, h[i]);
  }
  // A column goes on up when no gap wider than a crown's (or one and a half beam rows) parts its top from what is above.
  const gap = Math.max(OVERHANG_GAP, ROW_GAPS * rowGap);
  const goesOnUp = new Set<number>();
  const posts: [number, number][] = [];
  for (const [k, c] of columns) {
    if (c.above - c.top <= gap && c.top > HIGH - gap) {
      goesOnUp.add(k);
      posts.push([c.x, c.y]);
    }
  }
  const inBody = (i: number): boolean => h[i] >= LOW && h[i] <= HIGH && !goesOnUp.has(columnOf(i));
  const split = pointComponents(xyz, CELL, inBody);
  if (!split) return [];
  const members: number[][] = Array.from({ length: split.count }, () => []);
  for (let i = 0; i < n; i++) if (split.of[i] >= 0 && inBody(i)) members[split.of[i]].push(i);
  const out: VehiclePart[] = [];
  for (const list of members) {
    if (list.length < minPoints) continue;
    const { top, bottom, z } = partHeights(xyz, h, list);
    if (top < MIN_TOP || top > HIGH - TOP_CLEARANCE || bottom > MAX_BOTTOM) continue;
    const f = partFootprint(xyz, list);
    if (f.length < MIN_LENGTH || f.length > MAX_LENGTH || (f.width < THIN && f.length > END_LENGTH)) continue;
    // A trunk or a post standing within the footprint: a planter or bushes around a tree, not a body.
    if (pierced(f, posts)) continue;
    out.push({ ...f, points: list.length, z, groundZ: groundHeightAt(ground, f.x, f.y), top, bottom, xyz: partPoints(xyz, list) });
  }
  return out;
}
