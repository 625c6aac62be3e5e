import type { Vec3 } from '../types.ts';

/** An axis-aligned box in the LiDAR frame, metres; `min[i] <= max[i]`. */
export interface Bounds {
  min: Vec3;
  max: Vec3;
}

/**
 * The axis-aligned bounds of the finite points of a cloud (x y z interleaved, LiDAR frame,
 * metres). A point with any NaN or infinite coordinate is skipped. `count` limits the points
 * read (default `positions.length / 3`). Returns null when no point is finite.
 */
export function pointBounds(positions: Float32Array, count?: number): Bounds | null {
  const n = Math.min(count ?? Infinity, Math.floor(positions.length / 3));
  let x0 = Infinity;
  let y0 = Infinity;
  let z0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let z1 = -Infinity;
  for (let i = 0, o = 0; i < n; i++, o += 3) {
    const x = positions[o];
    const y = positions[o + 1];
    const z = positions[o + 2];
    if (x - x !== 0 || y - y !== 0 || z - z !== 0) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    if (z < z0) z0 = z;
    if (z > z1) z1 = z;
  }
  if (x0 > x1) return null;
  return { min: [x0, y0, z0], max: [x1, y1, z1] };
}

/**
 * Number of points (x y z interleaved) with at least one NaN or infinite coordinate, among the
 * first `count` points (default all).
 */
export function countNonFinite(positions: Float32Array, count?: number): number {
  const n = Math.min(count ?? Infinity, Math.floor(positions.length / 3));
  let bad = 0;
  for (let i = 0, o = 0; i < n; i++, o += 3) {
    const x = positions[o];
    const y = positions[o + 1];
    const z = positions[o + 2];
    if (x - x !== 0 || y - y !== 0 || z - z !== 0) bad++;
  }
  return bad;
}
