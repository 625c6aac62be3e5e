import { intersectSlabs } from './intersectAxisBox.ts';
import type { OrientedBoxPrimitive } from './Primitive.ts';

/**
 * Distance along the ray to a yawed box, or Infinity. The ray is rotated into the box's own
 * axes (a rotation keeps distances, so t needs no rescaling) and tested against its slabs.
 */
export function intersectOrientedBox(b: OrientedBoxPrimitive, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): number {
  const c = Math.cos(b.yaw);
  const s = Math.sin(b.yaw);
  const rx = ox - b.cx;
  const ry = oy - b.cy;
  const lox = c * rx + s * ry;
  const loy = -s * rx + c * ry;
  const ldx = c * dx + s * dy;
  const ldy = -s * dx + c * dy;
  return intersectSlabs(-b.hx, -b.hy, -b.hz, b.hx, b.hy, b.hz, lox, loy, oz - b.cz, ldx, ldy, dz);
}
