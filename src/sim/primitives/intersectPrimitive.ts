import { intersectAxisBox } from './intersectAxisBox.ts';
import { intersectCylinder } from './intersectCylinder.ts';
import { intersectEllipsoid } from './intersectEllipsoid.ts';
import { intersectOrientedBox } from './intersectOrientedBox.ts';
import { intersectPlane } from './intersectPlane.ts';
import type { Primitive } from './Primitive.ts';

/** Distance along a ray to any primitive (same frame, metres), or Infinity on a miss. */
export function intersectPrimitive(p: Primitive, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): number {
  switch (p.kind) {
    case 'plane':
      return intersectPlane(p, ox, oy, oz, dx, dy, dz);
    case 'axisBox':
      return intersectAxisBox(p, ox, oy, oz, dx, dy, dz);
    case 'orientedBox':
      return intersectOrientedBox(p, ox, oy, oz, dx, dy, dz);
    case 'cylinder':
      return intersectCylinder(p, ox, oy, oz, dx, dy, dz);
    case 'ellipsoid':
      return intersectEllipsoid(p, ox, oy, oz, dx, dy, dz);
  }
}
