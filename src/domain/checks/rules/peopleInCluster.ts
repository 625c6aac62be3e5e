import { groundHeightAt } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import { pointComponents } from '../../geometry/cellComponents.ts';
import type { ClusterPart } from './ClusterPart.ts';
import { partFootprint, partHeights } from './measurePart.ts';

/** A person-sized column found inside a larger cluster. */
export type PersonPart = ClusterPart;

/** Cells of the split (metres): two columns 0.2 m apart are two. */
const CELL = 0.2;
/** The layer a standing person fills (above the ground, metres): from the shins to above the head. */
const LOW = 0.15;
const HIGH = 2.2;
/** Above the layer, up to here: a column that goes on there is a post, a trunk or a wall, not a person. */
const ABOVE = 2.6;
/** A column whose top stays this far under the layer's top (metres) has a gap over it: what is above hangs. */
const OVERHANG_GAP = 0.25;
/** A person's footprint at most (metres, along its principal axis), and at least. */
const MAX_LENGTH = 1.2;
const MIN_LENGTH = 0.25;

/**
 * Person-sized columns standing inside a cluster that, whole, is no object (a pedestrian beside a
 * tree, a post, a bush or a parked bicycle joins them in the 0.4 m grid of the obstacle clusters):
 * the cluster's points 0.15–2.2 m above the ground, split into connected 0.2 m cells, each
 * component kept when it has `minPoints` points, a footprint 0.25–1.2 m long, reaches within
 * 0.6 m of the ground and at least 1.0 m above it, and has almost nothing (4 points, or 3 % of
 * its points) 2.2–2.6 m above its cells unless its own top stays 0.25 m under 2.2 m (a trunk or a
 * post goes on up: a person touching one is not told apart from it; a crown hangs over a gap).
 * `xyz`: the cluster's points.
 */
export function peopleInCluster(xyz: Float32Array, ground: GroundModel, minPoints: number): PersonPart[] {
  const n = Math.floor(xyz.length / 3);
  if (n < minPoints) return [];
  const h = new Float32Array(n);
  for (let i = 0; i < n; i++) h[i] = xyz[3 * i + 2] - groundHeightAt(ground, xyz[3 * i], xyz[3 * i + 1]);
  const split = pointComponents(xyz, CELL, (i) => h[i] >= LOW && h[i] <= HIGH);
  if (!split || split.count < 2) return [];
  const { of, count } = split;
  // Per component: its points in the layer, and how many stand above the layer over its cells.
  const members: number[][] = Array.from({ length: count }, () => []);
  const above = new Uint32Array(count);
  for (let i = 0; i < n; i++) {
    const k = of[i];
    if (k < 0) continue;
    if (h[i] > HIGH) {
      if (h[i] <= ABOVE) above[k]++;
    } else if (h[i] >= LOW) members[k].push(i);
  }
  const out: PersonPart[] = [];
  for (let k = 0; k < count; k++) {
    const list = members[k];
    const m = list.length;
    if (m < minPoints) continue;
    const { top, bottom, z } = partHeights(xyz, h, list);
    // Something above that the column reaches up to goes on up (a trunk, a post); something above
    // a gap hangs over it (a crown over a person standing under the tree).
    if (above[k] > Math.max(4, 0.03 * m) && top > HIGH - OVERHANG_GAP) continue;
    if (top < 1.0 || bottom > 0.6) continue;
    const f = partFootprint(xyz, list);
    if (f.length > MAX_LENGTH || f.length < MIN_LENGTH) continue;
    out.push({ ...f, points: m, z, groundZ: groundHeightAt(ground, f.x, f.y), top, bottom });
  }
  return out;
}
