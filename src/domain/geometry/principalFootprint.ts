import { principalAxis } from './principalAxis.ts';

/** The bird's-eye footprint of a point set along its principal axis (metres, radians about +z). */
export interface PrincipalFootprint {
  /** Centroid. */
  x: number;
  y: number;
  /** Extent along the longer side, across it, and the longer side's direction. */
  length: number;
  width: number;
  yaw: number;
}

/** Centroid, and extents along and across the principal axis of 2D points (`principalAxis`). */
export function principalFootprint(xs: Float64Array, ys: Float64Array): PrincipalFootprint {
  const n = xs.length;
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    x += xs[i];
    y += ys[i];
  }
  x /= Math.max(1, n);
  y /= Math.max(1, n);
  const yaw = principalAxis(xs, ys).angle;
  const ax = Math.cos(yaw);
  const ay = Math.sin(yaw);
  let u0 = Infinity;
  let u1 = -Infinity;
  let v0 = Infinity;
  let v1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - x;
    const dy = ys[i] - y;
    const u = dx * ax + dy * ay;
    const v = dy * ax - dx * ay;
    if (u < u0) u0 = u;
    if (u > u1) u1 = u;
    if (v < v0) v0 = v;
    if (v > v1) v1 = v;
  }
  const along = u1 - u0;
  const across = v1 - v0;
  return { x, y, length: Math.max(along, across), width: Math.min(along, across), yaw: along >= across ? yaw : yaw + Math.PI / 2 };
}
