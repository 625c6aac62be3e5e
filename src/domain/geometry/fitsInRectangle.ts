import type { Point2 } from './polygon2d.ts';

/** Angular step of the orientation sweep, radians (1°). */
const STEP = Math.PI / 180;

/**
 * Whether a convex polygon (e.g. a `convexHull`, metres) fits inside a `long` × `short`
 * rectangle (metres) in some orientation. Tries every hull-edge direction and a 1° sweep, in
 * both assignments of the sides, so L-shaped point sets (whose minimum-area rectangle may be
 * diagonal) are judged by the orientation that suits them.
 */
export function fitsInRectangle(hull: readonly Point2[], long: number, short: number): boolean {
  if (hull.length <= 1) return long >= 0 && short >= 0;
  const angles: number[] = [];
  for (let a = 0; a < Math.PI; a += STEP) angles.push(a);
  for (let i = 0; i < hull.length; i++) {
    const p = hull[i];
    const q = hull[(i + 1) % hull.length];
    angles.push(Math.atan2(q[1] - p[1], q[0] - p[0]));
  }
  for (const a of angles) {
    const c = Math.cos(a);
    const s = Math.sin(a);
    let u0 = Infinity;
    let u1 = -Infinity;
    let v0 = Infinity;
    let v1 = -Infinity;
    for (const p of hull) {
      const u = p[0] * c + p[1] * s;
      const v = p[1] * c - p[0] * s;
      if (u < u0) u0 = u;
      if (u > u1) u1 = u;
      if (v < v0) v0 = v;
      if (v > v1) v1 = v;
    }
    const du = u1 - u0;
    const dv = v1 - v0;
    if ((du <= long && dv <= short) || (du <= short && dv <= long)) return true;
  }
  return false;
}
