import type { Point2 } from './polygon2d.ts';

/** Angular step of the orientation sweep, radians (1°). */
const STEP = Math.PI / 180;
/** Cosines and sines of the sweep's angles, 0 ≤ a < π. */
const SWEEP_COS: number[] = [];
const SWEEP_SIN: number[] = [];
for (let a = 0; a < Math.PI; a += STEP) {
  SWEEP_COS.push(Math.cos(a));
  SWEEP_SIN.push(Math.sin(a));
}

/**
 * Whether a convex polygon (e.g. a `convexHull`, metres) fits inside a `long` × `short`
 * rectangle (metres) in some orientation. Tries every hull-edge direction and a 1° sweep, in
 * both assignments of the sides, so L-shaped point sets (whose minimum-area rectangle may be
 * diagonal) are judged by the orientation that suits them.
 */
export function fitsInRectangle(hull: readonly Point2[], long: number, short: number): boolean {
  if (hull.length <= 1) return long >= 0 && short >= 0;
  // Exact early answers: a polygon wider than the short side in its narrowest direction (the
  // narrowest width lies across one of its edges), or longer than the diagonal, fits nowhere.
  if (tooWideOrLong(hull, Math.min(long, short), Math.hypot(long, short))) return false;
  for (let k = 0; k < SWEEP_COS.length; k++) if (extentsFit(hull, SWEEP_COS[k], SWEEP_SIN[k], long, short)) return true;
  for (let i = 0; i < hull.length; i++) {
    const p = hull[i];
    const q = hull[(i + 1) % hull.length];
    const a = Math.atan2(q[1] - p[1], q[0] - p[0]);
    if (extentsFit(hull, Math.cos(a), Math.sin(a), long, short)) return true;
  }
  return false;
}

/** Whether the polygon's extents along (c, s) and across it fit `long` × `short` either way round. */
function extentsFit(hull: readonly Point2[], c: number, s: number, long: number, short: number): boolean {
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
  return (du <= long && dv <= short) || (du <= short && dv <= long);
}

/**
 * Whether a convex polygon's narrowest width (the least, over its edges, of the farthest vertex
 * from the edge's line) exceeds `width`, or two of its vertices lie farther apart than `diagonal`.
 */
function tooWideOrLong(hull: readonly Point2[], width: number, diagonal: number): boolean {
  const h = hull.length;
  const d2 = diagonal * diagonal;
  let narrowest = Infinity;
  for (let i = 0; i < h; i++) {
    const p = hull[i];
    const q = hull[(i + 1) % h];
    const ex = q[0] - p[0];
    const ey = q[1] - p[1];
    const len = Math.hypot(ex, ey);
    let far = 0;
    for (let j = 0; j < h; j++) {
      const dx = hull[j][0] - p[0];
      const dy = hull[j][1] - p[1];
      if (dx * dx + dy * dy > d2) return true;
      if (len > 0) far = Math.max(far, Math.abs(ex * dy - ey * dx) / len);
    }
    if (len > 0 && far < narrowest) narrowest = far;
  }
  return h >= 3 && narrowest > width;
}
