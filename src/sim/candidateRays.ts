import { primitiveBounds } from './primitives/primitiveBounds.ts';
import type { Aabb } from './primitives/primitiveBounds.ts';
import type { Primitive } from './primitives/Primitive.ts';
import type { SensorModel } from './sensor.ts';

/**
 * The block of rays that may hit a primitive: columns k0..k1 (wrap them modulo azimuthSteps;
 * k0 may be negative) and rings r0..r1.
 */
export interface RayBlock {
  k0: number;
  k1: number;
  r0: number;
  r1: number;
}

/** Columns whose azimuth may see the xy rectangle of the box. */
function columnRange(sensor: SensorModel, b: Aabb): [number, number] {
  const n = sensor.azimuthSteps;
  if (b[0] <= 0 && b[3] >= 0 && b[1] <= 0 && b[4] >= 0) return [0, n - 1];
  const ref = Math.atan2((b[1] + b[4]) / 2, (b[0] + b[3]) / 2);
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of [b[0], b[3]]) {
    for (const y of [b[1], b[4]]) {
      let a = Math.atan2(y, x) - ref;
      a -= 2 * Math.PI * Math.floor(a / (2 * Math.PI) + 0.5);
      if (a < lo) lo = a;
      if (a > hi) hi = a;
    }
  }
  const step = (2 * Math.PI) / n;
  // Column k looks at π − (k + ½)·step; keep one spare column each side against rounding.
  const k0 = Math.ceil((Math.PI - (ref + hi)) / step - 0.5) - 1;
  const k1 = Math.floor((Math.PI - (ref + lo)) / step - 0.5) + 1;
  return k1 - k0 + 1 >= n ? [0, n - 1] : [k0, k1];
}

/** Horizontal distance from the origin to the nearest and farthest points of the xy rectangle. */
function horizontalDistances(b: Aabb): [number, number] {
  const nx = b[0] > 0 ? b[0] : b[3] < 0 ? -b[3] : 0;
  const ny = b[1] > 0 ? b[1] : b[4] < 0 ? -b[4] : 0;
  const fx = Math.max(Math.abs(b[0]), Math.abs(b[3]));
  const fy = Math.max(Math.abs(b[1]), Math.abs(b[4]));
  return [Math.hypot(nx, ny), Math.hypot(fx, fy)];
}

/**
 * Rays of a sweep from the LiDAR origin that can possibly hit the primitive (LiDAR frame), from
 * its bounding box: the azimuth interval of its xy rectangle and the elevation interval between
 * its nearest and farthest horizontal distances. `null` when no ray can reach it within `reach`
 * metres or no ring's elevation meets it. Conservative: never leaves out a ray that hits.
 */
export function candidateRays(sensor: SensorModel, prim: Primitive, reach: number): RayBlock | null {
  const b = primitiveBounds(prim);
  const [dMin, dMax] = horizontalDistances(b);
  if (dMin > reach) return null;
  const eMax = b[5] >= 0 ? Math.atan2(b[5], dMin) : Math.atan2(b[5], dMax);
  const eMin = b[2] <= 0 ? Math.atan2(b[2], dMin) : Math.atan2(b[2], dMax);
  const el = sensor.elevations;
  let r0 = 0;
  while (r0 < el.length && el[r0] < eMin - 1e-9) r0++;
  let r1 = el.length - 1;
  while (r1 >= 0 && el[r1] > eMax + 1e-9) r1--;
  if (r0 > r1) return null;
  const [k0, k1] = columnRange(sensor, b);
  return { k0, k1, r0, r1 };
}
