import { groundHeightAt } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import { cellComponents } from '../../geometry/cellComponents.ts';
import type { ClusterPart } from './ClusterPart.ts';

/** A person-sized column found inside a larger cluster. */
export type PersonPart = ClusterPart;

/** Cells of the split (metres): two columns 0.2 m apart are two. */
const CELL = 0.2;
/** The layer a standing person fills (above the ground, metres): from the shins to above the head. */
const LOW = 0.15;
const HIGH = 2.2;
/** Above the layer, up to here: a column that goes on there is a post, a trunk or a wall, not a person. */
const ABOVE = 2.6;
/** A person's footprint at most (metres, along its principal axis), and at least. */
const MAX_LENGTH = 1.2;
const MIN_LENGTH = 0.25;

/**
 * Person-sized columns standing inside a cluster that, whole, is no object (a pedestrian beside a
 * tree, a post, a bush or a parked bicycle joins them in the 0.4 m grid of the obstacle clusters):
 * the cluster's points 0.15–2.2 m above the ground, split into connected 0.2 m cells, each
 * component kept when it has `minPoints` points, a footprint 0.25–1.2 m long, reaches within
 * 0.6 m of the ground and at least 1.0 m above it, and has almost nothing (4 points, or 3 % of
 * its points) 2.2–2.6 m above its cells (a trunk or a post goes on up: a person touching one is
 * not told apart from it). `xyz`: the cluster's points.
 */
export function peopleInCluster(xyz: Float32Array, ground: GroundModel, minPoints: number): PersonPart[] {
  const n = Math.floor(xyz.length / 3);
  if (n < minPoints) return [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const h = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const x = xyz[3 * i];
    const y = xyz[3 * i + 1];
    h[i] = xyz[3 * i + 2] - groundHeightAt(ground, x, y);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const nx = Math.floor((maxX - minX) / CELL) + 1;
  const ny = Math.floor((maxY - minY) / CELL) + 1;
  if (nx * ny > 1 << 20) return [];
  const cellOf = (i: number): number => Math.floor((xyz[3 * i + 1] - minY) / CELL) * nx + Math.floor((xyz[3 * i] - minX) / CELL);
  const occupied = new Uint8Array(nx * ny);
  for (let i = 0; i < n; i++) if (h[i] >= LOW && h[i] <= HIGH) occupied[cellOf(i)] = 1;
  const { comp, count } = cellComponents(occupied, nx, ny);
  if (count < 2) return [];
  // Per component: points in the layer, sums and second moments, heights, and points above it.
  const pts = new Uint32Array(count);
  const above = new Uint32Array(count);
  const sx = new Float64Array(count);
  const sy = new Float64Array(count);
  const sz = new Float64Array(count);
  const sxx = new Float64Array(count);
  const syy = new Float64Array(count);
  const sxy = new Float64Array(count);
  const top = new Float32Array(count).fill(-Infinity);
  const bottom = new Float32Array(count).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const k = comp[cellOf(i)];
    if (k < 0) continue;
    if (h[i] > HIGH) {
      if (h[i] <= ABOVE) above[k]++;
      continue;
    }
    if (h[i] < LOW) continue;
    const x = xyz[3 * i];
    const y = xyz[3 * i + 1];
    pts[k]++;
    sx[k] += x;
    sy[k] += y;
    sz[k] += xyz[3 * i + 2];
    sxx[k] += x * x;
    syy[k] += y * y;
    sxy[k] += x * y;
    if (h[i] > top[k]) top[k] = h[i];
    if (h[i] < bottom[k]) bottom[k] = h[i];
  }
  const out: PersonPart[] = [];
  for (let k = 0; k < count; k++) {
    const m = pts[k];
    if (m < minPoints || top[k] < 1.0 || bottom[k] > 0.6 || above[k] > Math.max(4, 0.03 * m)) continue;
    const x = sx[k] / m;
    const y = sy[k] / m;
    const cxx = sxx[k] / m - x * x;
    const cyy = syy[k] / m - y * y;
    const cxy = sxy[k] / m - x * y;
    const yaw = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
    const ax = Math.cos(yaw);
    const ay = Math.sin(yaw);
    let u0 = Infinity;
    let u1 = -Infinity;
    let v0 = Infinity;
    let v1 = -Infinity;
    for (let i = 0; i < n; i++) {
      if (h[i] < LOW || h[i] > HIGH || comp[cellOf(i)] !== k) continue;
      const dx = xyz[3 * i] - x;
      const dy = xyz[3 * i + 1] - y;
      const u = dx * ax + dy * ay;
      const v = dy * ax - dx * ay;
      if (u < u0) u0 = u;
      if (u > u1) u1 = u;
      if (v < v0) v0 = v;
      if (v > v1) v1 = v;
    }
    const length = Math.max(u1 - u0, v1 - v0);
    if (length > MAX_LENGTH || length < MIN_LENGTH) continue;
    out.push({
      points: m,
      x,
      y,
      z: sz[k] / m,
      groundZ: groundHeightAt(ground, x, y),
      length,
      width: Math.min(u1 - u0, v1 - v0),
      yaw: u1 - u0 >= v1 - v0 ? yaw : yaw + Math.PI / 2,
      top: top[k],
      bottom: bottom[k],
    });
  }
  return out;
}
