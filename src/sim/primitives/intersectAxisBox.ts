import type { AxisBoxPrimitive } from './Primitive.ts';

/**
 * Slab test of a ray against an axis-aligned box given by its bounds. Returns the entry distance,
 * or the exit distance when the origin is inside, or Infinity on a miss.
 * Inputs and output in the same frame and unit (metres); d need not be unit length (t scales).
 */
export function intersectSlabs(
  minX: number,
  minY: number,
  minZ: number,
  maxX: number,
  maxY: number,
  maxZ: number,
  ox: number,
  oy: number,
  oz: number,
  dx: number,
  dy: number,
  dz: number,
): number {
  let tNear = -Infinity;
  let tFar = Infinity;
  if (dx !== 0) {
    const inv = 1 / dx;
    let t0 = (minX - ox) * inv;
    let t1 = (maxX - ox) * inv;
    if (t0 > t1) [t0, t1] = [t1, t0];
    tNear = t0;
    tFar = t1;
  } else if (ox < minX || ox > maxX) return Infinity;
  if (dy !== 0) {
    const inv = 1 / dy;
    let t0 = (minY - oy) * inv;
    let t1 = (maxY - oy) * inv;
    if (t0 > t1) [t0, t1] = [t1, t0];
    if (t0 > tNear) tNear = t0;
    if (t1 < tFar) tFar = t1;
  } else if (oy < minY || oy > maxY) return Infinity;
  if (dz !== 0) {
    const inv = 1 / dz;
    let t0 = (minZ - oz) * inv;
    let t1 = (maxZ - oz) * inv;
    if (t0 > t1) [t0, t1] = [t1, t0];
    if (t0 > tNear) tNear = t0;
    if (t1 < tFar) tFar = t1;
  } else if (oz < minZ || oz > maxZ) return Infinity;
  if (tNear > tFar || tFar <= 0) return Infinity;
  return tNear > 0 ? tNear : tFar;
}

/** Distance along the ray to an axis-aligned box, or Infinity (see {@link intersectSlabs}). */
export function intersectAxisBox(b: AxisBoxPrimitive, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): number {
  return intersectSlabs(b.minX, b.minY, b.minZ, b.maxX, b.maxY, b.maxZ, ox, oy, oz, dx, dy, dz);
}
