import type { PlanePrimitive } from './Primitive.ts';

/**
 * Distance along the ray (origin o, unit direction d) to an infinite plane, or Infinity when the
 * ray is parallel to it or the plane lies behind the origin. Either side of the plane is hit.
 */
export function intersectPlane(p: PlanePrimitive, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): number {
  const denom = p.nx * dx + p.ny * dy + p.nz * dz;
  if (Math.abs(denom) < 1e-12) return Infinity;
  const t = (p.nx * (p.px - ox) + p.ny * (p.py - oy) + p.nz * (p.pz - oz)) / denom;
  return t > 0 ? t : Infinity;
}
