import type { EllipsoidPrimitive } from './Primitive.ts';

/**
 * Distance along the ray to a yawed ellipsoid, or Infinity. The ray is rotated into the
 * ellipsoid's axes and scaled into a unit sphere; the sphere's t is the same t along the
 * original ray because the direction is scaled together with the origin.
 */
export function intersectEllipsoid(e: EllipsoidPrimitive, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): number {
  const c = Math.cos(e.yaw);
  const s = Math.sin(e.yaw);
  const rx = ox - e.cx;
  const ry = oy - e.cy;
  const px = (c * rx + s * ry) / e.rx;
  const py = (-s * rx + c * ry) / e.ry;
  const pz = (oz - e.cz) / e.rz;
  const qx = (c * dx + s * dy) / e.rx;
  const qy = (-s * dx + c * dy) / e.ry;
  const qz = dz / e.rz;
  const a = qx * qx + qy * qy + qz * qz;
  const b = px * qx + py * qy + pz * qz;
  const k = px * px + py * py + pz * pz - 1;
  const disc = b * b - a * k;
  if (disc < 0) return Infinity;
  const sq = Math.sqrt(disc);
  const t0 = (-b - sq) / a;
  if (t0 > 0) return t0;
  const t1 = (-b + sq) / a;
  return t1 > 0 ? t1 : Infinity;
}
