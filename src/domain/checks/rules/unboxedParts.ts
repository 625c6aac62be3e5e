import { groundHeightAt } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import { cellComponents } from '../../geometry/cellComponents.ts';
import type { ClusterPart } from './ClusterPart.ts';

/** A connected part of a cluster's unboxed points. */
export interface UnboxedPart extends ClusterPart {
  /** Largest tangent of a point's elevation angle seen from `origin`. */
  tanElevation: number;
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
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, xyz[3 * i]);
    maxX = Math.max(maxX, xyz[3 * i]);
    minY = Math.min(minY, xyz[3 * i + 1]);
    maxY = Math.max(maxY, xyz[3 * i + 1]);
  }
  const nx = Math.floor((maxX - minX) / CELL) + 1;
  const ny = Math.floor((maxY - minY) / CELL) + 1;
  if (nx * ny > 1 << 20) return [];
  const cellOf = (i: number): number => Math.floor((xyz[3 * i + 1] - minY) / CELL) * nx + Math.floor((xyz[3 * i] - minX) / CELL);
  const occupied = new Uint8Array(nx * ny);
  for (let i = 0; i < n; i++) occupied[cellOf(i)] = 1;
  const { comp, count } = cellComponents(occupied, nx, ny);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < n; i++) members[comp[cellOf(i)]].push(i);
  const out: UnboxedPart[] = [];
  for (const list of members) {
    if (list.length < minPoints) continue;
    out.push(measure(xyz, list, ground, origin));
  }
  return out;
}

function measure(xyz: Float32Array, list: number[], ground: GroundModel, origin: readonly [number, number, number]): UnboxedPart {
  const m = list.length;
  let sx = 0;
  let sy = 0;
  let sz = 0;
  for (const i of list) {
    sx += xyz[3 * i];
    sy += xyz[3 * i + 1];
    sz += xyz[3 * i + 2];
  }
  const x = sx / m;
  const y = sy / m;
  let cxx = 0;
  let cyy = 0;
  let cxy = 0;
  for (const i of list) {
    const dx = xyz[3 * i] - x;
    const dy = xyz[3 * i + 1] - y;
    cxx += dx * dx;
    cyy += dy * dy;
    cxy += dx * dy;
  }
  const yaw = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
  const ax = Math.cos(yaw);
  const ay = Math.sin(yaw);
  const groundZ = groundHeightAt(ground, x, y);
  let u0 = Infinity;
  let u1 = -Infinity;
  let v0 = Infinity;
  let v1 = -Infinity;
  let zMin = Infinity;
  let zMax = -Infinity;
  let tanElevation = -Infinity;
  for (const i of list) {
    const px = xyz[3 * i];
    const py = xyz[3 * i + 1];
    const pz = xyz[3 * i + 2];
    const u = (px - x) * ax + (py - y) * ay;
    const v = (py - y) * ax - (px - x) * ay;
    u0 = Math.min(u0, u);
    u1 = Math.max(u1, u);
    v0 = Math.min(v0, v);
    v1 = Math.max(v1, v);
    zMin = Math.min(zMin, pz);
    zMax = Math.max(zMax, pz);
    tanElevation = Math.max(tanElevation, (pz - origin[2]) / Math.max(0.1, Math.hypot(px - origin[0], py - origin[1])));
  }
  return {
    points: m,
    x,
    y,
    z: sz / m,
    groundZ,
    length: Math.max(u1 - u0, v1 - v0),
    width: Math.min(u1 - u0, v1 - v0),
    yaw: u1 - u0 >= v1 - v0 ? yaw : yaw + Math.PI / 2,
    top: zMax - groundZ,
    bottom: zMin - groundZ,
    tanElevation,
  };
}
