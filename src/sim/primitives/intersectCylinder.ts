import type { CylinderPrimitive } from './Primitive.ts';

/**
 * Distance along the ray to a vertical capped cylinder, or Infinity. Returns the first surface
 * crossing in front of the origin (side or cap).
 */
export function intersectCylinder(cy: CylinderPrimitive, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): number {
  const rx = ox - cy.cx;
  const ry = oy - cy.cy;
  const r2 = cy.radius * cy.radius;
  // Interval where the ray is inside the infinite cylinder.
  let tIn: number;
  let tOut: number;
  const a = dx * dx + dy * dy;
  const c = rx * rx + ry * ry - r2;
  if (a < 1e-18) {
    if (c > 0) return Infinity;
    tIn = -Infinity;
    tOut = Infinity;
  } else {
    const b = rx * dx + ry * dy;
    const disc = b * b - a * c;
    if (disc < 0) return Infinity;
    const sq = Math.sqrt(disc);
    tIn = (-b - sq) / a;
    tOut = (-b + sq) / a;
  }
  // Interval where the ray is between the caps.
  let zIn: number;
  let zOut: number;
  if (dz !== 0) {
    const t0 = (cy.minZ - oz) / dz;
    const t1 = (cy.maxZ - oz) / dz;
    zIn = Math.min(t0, t1);
    zOut = Math.max(t0, t1);
  } else {
    if (oz < cy.minZ || oz > cy.maxZ) return Infinity;
    zIn = -Infinity;
    zOut = Infinity;
  }
  const t0 = Math.max(tIn, zIn);
  const t1 = Math.min(tOut, zOut);
  if (t0 > t1 || t1 <= 0) return Infinity;
  return t0 > 0 ? t0 : t1;
}
