import { fitLShape } from '../../geometry/fitLShape.ts';
import { keep2 } from './keepTwoExtremes.ts';
import { principalAxis } from '../../geometry/principalAxis.ts';

/** The heading refitted to an object's bird's-eye-view points, and how sure it is. */
export interface RefitHeading {
  /**
   * Axis angle, radians, in the points' frame: for a rectangle fit in [0, π/2) (the other axis is
   * at +π/2), for a line fit in [−π/2, π/2].
   */
  angle: number;
  /** One standard deviation of `angle` (radians) from the scatter of the points on the fitted faces. */
  sigma: number;
  /** Extent of the points (second outermost on each side) along `angle` and across it, metres. */
  spanAlong: number;
  spanAcross: number;
}

/** At most this many points go into the axis search (the L-shape fit scores ~110 angles × 3 passes). */
const MAX_FIT_POINTS = 48;
/** Points within this distance (metres) of a fitted edge belong to that face. */
const FACE_BAND = 0.25;

/** Reusable coordinate buffers for `refitHeading`. */
export interface HeadingScratch {
  xs: Float64Array;
  ys: Float64Array;
}

export function createHeadingScratch(): HeadingScratch {
  return { xs: new Float64Array(MAX_FIT_POINTS), ys: new Float64Array(MAX_FIT_POINTS) };
}

/**
 * Refits the heading of n points (`xyz`, 3 per point; x, y in metres, any frame, best centred):
 * - `rectangle` (vehicles): the L-shape fit (`fitLShape`, closeness criterion, `d0` metres) on at
 *   most 48 evenly picked points (all points for the spans and σ); its uncertainty from the
 *   points on the two fitted edges, each a line fit: σ² = (residual / (√n · spread along the
 *   edge))² + (residual beyond `noise` / face length)², residuals floored at `noise` metres (the
 *   first term is random scatter, the second the face's own shape), the two edges combined;
 * - `line` (riders): the principal axis (`principalAxis`) of the same picked points, σ = spread across / (√n · spread along).
 * With `fixedAngle` (rectangle only), no search: the spans and σ at that angle.
 * Null for fewer than 3 points.
 */
export function refitHeading(
  xyz: Float64Array,
  n: number,
  mode: 'rectangle' | 'line',
  d0: number,
  noise: number,
  scratch: HeadingScratch,
  fixedAngle?: number,
): RefitHeading | null {
  if (n < 3) return null;
  // Evenly picked points (grid order is spatial, so a stride keeps the shape).
  const step = n > MAX_FIT_POINTS ? n / MAX_FIT_POINTS : 1;
  const m = Math.min(n, MAX_FIT_POINTS);
  for (let i = 0; i < m; i++) {
    const k = Math.floor(i * step);
    scratch.xs[i] = xyz[3 * k];
    scratch.ys[i] = xyz[3 * k + 1];
  }
  const xs = scratch.xs.subarray(0, m);
  const ys = scratch.ys.subarray(0, m);
  if (mode === 'line') {
    const axis = principalAxis(xs, ys);
    const [along, across, sdAlong, sdAcross] = spans(xyz, n, axis.angle);
    const sigma = Math.max(sdAcross, noise) / (Math.sqrt(n) * Math.max(sdAlong, 1e-3));
    return { angle: axis.angle, sigma, spanAlong: along, spanAcross: across };
  }
  const angle = fixedAngle ?? fitLShape(xs, ys, d0);
  const [along, across] = spans(xyz, n, angle);
  return { angle, sigma: edgeSigma(xyz, n, angle, noise), spanAlong: along, spanAcross: across };
}

/** Second-outermost extents along `angle` and across it, and the standard deviations. */
function spans(xyz: Float64Array, n: number, angle: number): [number, number, number, number] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const u = [Infinity, Infinity, -Infinity, -Infinity];
  const v = [Infinity, Infinity, -Infinity, -Infinity];
  let su = 0;
  let sv = 0;
  let suu = 0;
  let svv = 0;
  for (let k = 0; k < n; k++) {
    const x = xyz[3 * k];
    const y = xyz[3 * k + 1];
    const a = x * c + y * s;
    const b = y * c - x * s;
    keep2(u, a);
    keep2(v, b);
    su += a;
    sv += b;
    suu += a * a;
    svv += b * b;
  }
  const sdU = Math.sqrt(Math.max(0, suu / n - (su / n) ** 2));
  const sdV = Math.sqrt(Math.max(0, svv / n - (sv / n) ** 2));
  const second = (t: number[], lo: boolean) => (lo ? (n > 3 ? t[1] : t[0]) : n > 3 ? t[3] : t[2]);
  return [second(u, false) - second(u, true), second(v, false) - second(v, true), sdU, sdV];
}

/**
 * Angle uncertainty of a rectangle fit at `angle`: per axis the edge the points hug (smaller sum
 * of squared distances, as the L-shape fit picks it), the points within 0.25 m of it as that
 * face, and a line fit's slope error for each face; faces shorter than 0.3 m or with fewer than 3
 * points carry no heading. Infinity when no face does.
 */
function edgeSigma(xyz: Float64Array, n: number, angle: number, noise: number): number {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (let k = 0; k < n; k++) {
    const a = xyz[3 * k] * c + xyz[3 * k + 1] * s;
    const b = xyz[3 * k + 1] * c - xyz[3 * k] * s;
    if (a < minU) minU = a;
    if (a > maxU) maxU = a;
    if (b < minV) minV = b;
    if (b > maxV) maxV = b;
  }
  let toMinU = 0;
  let toMaxU = 0;
  let toMinV = 0;
  let toMaxV = 0;
  for (let k = 0; k < n; k++) {
    const a = xyz[3 * k] * c + xyz[3 * k + 1] * s;
    const b = xyz[3 * k + 1] * c - xyz[3 * k] * s;
    toMinU += (a - minU) ** 2;
    toMaxU += (maxU - a) ** 2;
    toMinV += (b - minV) ** 2;
    toMaxV += (maxV - b) ** 2;
  }
  const edgeU = toMaxU < toMinU ? maxU : minU;
  const edgeV = toMaxV < toMinV ? maxV : minV;
  // Per face: count, sums of the offset from the edge (residual) and of the position along it.
  const f = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let k = 0; k < n; k++) {
    const a = xyz[3 * k] * c + xyz[3 * k + 1] * s;
    const b = xyz[3 * k + 1] * c - xyz[3 * k] * s;
    const du = Math.abs(a - edgeU);
    const dv = Math.abs(b - edgeV);
    if (du <= dv && du < FACE_BAND) accumulate(f, 0, a, b);
    else if (dv < du && dv < FACE_BAND) accumulate(f, 5, b, a);
  }
  let information = 0;
  for (const o of [0, 5]) {
    const m = f[o];
    if (m < 3) continue;
    const sdRes = Math.sqrt(Math.max(0, f[o + 2] / m - (f[o + 1] / m) ** 2));
    const sdAlong = Math.sqrt(Math.max(0, f[o + 4] / m - (f[o + 3] / m) ** 2));
    if (sdAlong * Math.sqrt(12) < 0.3) continue;
    // Random scatter averages out over the face's points; scatter beyond the range noise is the
    // face's own shape (a rounded bumper, a sloped rear window) and tilts the fit as a whole.
    const random = Math.max(sdRes, noise) / (Math.sqrt(m) * sdAlong);
    const shape = Math.max(0, sdRes - noise) / (Math.sqrt(12) * sdAlong);
    information += 1 / (random * random + shape * shape);
  }
  return information > 0 ? 1 / Math.sqrt(information) : Infinity;
}

function accumulate(f: number[], o: number, offset: number, along: number): void {
  f[o]++;
  f[o + 1] += offset;
  f[o + 2] += offset * offset;
  f[o + 3] += along;
  f[o + 4] += along * along;
}

/**
 * Share (0..1) of the n points within `band` metres of the rectangle edges they hug at `angle`
 * (radians, rectangle axes at angle and angle + π/2; per axis the edge with the smaller sum of
 * squared distances, as the L-shape fit picks it). How well a heading explains a vehicle's
 * visible faces: used to tell a refit that is clearly better than the box's own heading from one
 * that only differs within the shape of the object.
 */
export function hugShare(xyz: Float64Array, n: number, angle: number, band: number): number {
  if (n === 0) return 0;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  let su = 0;
  let sv = 0;
  for (let k = 0; k < n; k++) {
    const a = xyz[3 * k] * c + xyz[3 * k + 1] * s;
    const b = xyz[3 * k + 1] * c - xyz[3 * k] * s;
    if (a < minU) minU = a;
    if (a > maxU) maxU = a;
    if (b < minV) minV = b;
    if (b > maxV) maxV = b;
    su += a;
    sv += b;
  }
  // The edge the points hug as a whole: sum of squares to an edge = n·(mean − edge)² + spread, so
  // the nearer edge to the mean.
  const edgeU = maxU - su / n < su / n - minU ? maxU : minU;
  const edgeV = maxV - sv / n < sv / n - minV ? maxV : minV;
  let near = 0;
  for (let k = 0; k < n; k++) {
    const a = xyz[3 * k] * c + xyz[3 * k + 1] * s;
    const b = xyz[3 * k + 1] * c - xyz[3 * k] * s;
    if (Math.abs(a - edgeU) <= band || Math.abs(b - edgeV) <= band) near++;
  }
  return near / n;
}
