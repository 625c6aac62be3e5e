import { groundHeightAt } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import { pointComponents } from '../../geometry/cellComponents.ts';
import type { ClusterPart } from './ClusterPart.ts';
import { partFootprint, partPoints } from './measurePart.ts';

/** A connected part of a cluster's unboxed points. */
export interface UnboxedPart extends ClusterPart {
  /** Largest tangent of a point's elevation angle seen from `origin`. */
  tanElevation: number;
  /** The part's points, x y z. */
  xyz: Float32Array;
}

/** Cells of the split (metres): the obstacle clusters' own cell, so a part is what would be a cluster alone. */
const CELL = 0.4;

/**
 * The connected parts (0.4 m BEV cells, 8-neighbourhood: as the obstacle clusters are grown) of
 * the unboxed points `xyz` of a cluster that is mostly boxed: someone standing against a boxed
 * car joins its cluster, and once the car is boxed what is left of the cluster is that person.
 * Parts with fewer than `minPoints` points are dropped.
 */
export function unboxedParts(xyz: Float32Array, ground: GroundModel, origin: readonly [number, number, number], minPoints: number): UnboxedPart[] {
  const n = Math.floor(xyz.length / 3);
  if (n < minPoints) return [];
  const split = pointComponents(xyz, CELL);
  if (!split) return [];
  const members: number[][] = Array.from({ length: split.count }, () => []);
  for (let i = 0; i < n; i++) members[split.of[i]].push(i);
  const out: UnboxedPart[] = [];
  for (const list of members) {
    if (list.length < minPoints) continue;
    out.push(measure(xyz, list, ground, origin));
  }
  return out;
}

function measure(xyz: Float32Array, list: number[], ground: GroundModel, origin: readonly [number, number, number]): UnboxedPart {
  const f = partFootprint(xyz, list);
  const groundZ = groundHeightAt(ground, f.x, f.y);
  let sz = 0;
  let zMin = Infinity;
  let zMax = -Infinity;
  let tanElevation = -Infinity;
  for (const i of list) {
    const px = xyz[3 * i];
    const py = xyz[3 * i + 1];
    const pz = xyz[3 * i + 2];
    sz += pz;
    zMin = Math.min(zMin, pz);
    zMax = Math.max(zMax, pz);
    tanElevation = Math.max(tanElevation, (pz - origin[2]) / Math.max(0.1, Math.hypot(px - origin[0], py - origin[1])));
  }
  return { ...f, points: list.length, z: sz / list.length, groundZ, top: zMax - groundZ, bottom: zMin - groundZ, tanElevation, xyz: partPoints(xyz, list) };
}
