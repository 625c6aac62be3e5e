import type { ClassDefaults } from './classDefaults.ts';
import { wrapAngle } from './headingSign.ts';
import { principalAxis } from './principalAxis.ts';
import type { PrincipalAxis } from './principalAxis.ts';

/*
 * Cues for a vehicle's heading from its returns (the one-click fit's): the band of its body's
 * vertical faces, whether it is seen head-on, and the heading a head-on face gives. Points are
 * x, y (and z) arrays in the points' frame, metres; angles in radians.
 */

/**
 * A vehicle whose returns are at most this deep along the line of sight (metres) shows one face
 * only: it is seen head-on (a car turned by θ would show its side, L·sin θ deep).
 */
const HEAD_ON_DEPTH = 0.6;

/** Fewest returns in the body band for it to stand for the object. */
const BODY_BAND_MIN_POINTS = 10;

/**
 * The returns between a quarter and 55 % of the object's visible height above the ground
 * (`bottom`): the vertical faces of a vehicle's body. All returns when fewer than 10 are there.
 */
export function bodyBand(xs: Float64Array, ys: Float64Array, zs: Float64Array, bottom: number): [Float64Array, Float64Array] {
  let top = -Infinity;
  for (let i = 0; i < zs.length; i++) if (zs[i] > top) top = zs[i];
  const lo = bottom + 0.25 * (top - bottom);
  const hi = bottom + 0.55 * (top - bottom);
  const bx: number[] = [];
  const by: number[] = [];
  for (let i = 0; i < zs.length; i++) {
    if (zs[i] < lo || zs[i] > hi) continue;
    bx.push(xs[i]);
    by.push(ys[i]);
  }
  return bx.length >= BODY_BAND_MIN_POINTS ? [Float64Array.from(bx), Float64Array.from(by)] : [xs, ys];
}

/**
 * A vehicle cluster that is one face across the line of sight, about a vehicle's width wide.
 * Depth and width are taken between percentiles (5–90 % along the line of sight, 2–98 % across),
 * so that a few returns from the mirrors, which stick out of the sides further forward, do not
 * hide a face seen square on. `whole` (x and y of all the object's returns, when xs/ys are its
 * body band) must not be wider across either: seen from close by, the band of a car's side holds
 * only the returns of its far part, a car-width strip, while the side itself spans its length.
 */
export function isHeadOn(xs: Float64Array, ys: Float64Array, los: number, d: ClassDefaults, whole?: readonly [Float64Array, Float64Array]): boolean {
  const n = xs.length;
  if (n < 3) return false;
  const [depth, across] = extentsAlong(xs, ys, los);
  if (!(depth <= HEAD_ON_DEPTH && across >= 0.6 * d.range.w[0] && across <= 1.2 * d.range.w[1])) return false;
  return whole === undefined || whole[0] === xs || extentsAlong(whole[0], whole[1], los)[1] <= 1.2 * d.range.w[1];
}

/** Depth along `los` (5–90 % percentiles) and width across it (2–98 %) of the points. */
function extentsAlong(xs: Float64Array, ys: Float64Array, los: number): [number, number] {
  const n = xs.length;
  const c = Math.cos(los);
  const s = Math.sin(los);
  const t = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = xs[i] * c + ys[i] * s;
    w[i] = ys[i] * c - xs[i] * s;
  }
  t.sort();
  w.sort();
  const at = (a: Float64Array, q: number): number => a[Math.min(n - 1, Math.max(0, Math.round(q * (n - 1))))];
  return [at(t, 0.9) - at(t, 0.05), at(w, 0.98) - at(w, 0.02)];
}

/** Largest angle (radians, 10°) by which a face seen head-on may turn the heading off the line of sight. */
const HEAD_ON_MAX_TURN = 10 * (Math.PI / 180);

/**
 * Heading of a vehicle seen head-on: the normal of its nearest face (the returns within 0.25 m of
 * the front of the cluster along the line of sight, by least squares) when that is within 10° of
 * the line of sight `los`; farther off, the normal of all the returns when they lie on one
 * straight face at least 1 m wide (`whole`: their principal axis; an end seen at a slant, its
 * side hidden), else the line of sight itself.
 */
export function headOnHeading(xs: Float64Array, ys: Float64Array, los: number, whole: PrincipalAxis): number {
  const c = Math.cos(los);
  const s = Math.sin(los);
  const n = xs.length;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = xs[i] * c + ys[i] * s;
  const front = Float64Array.from(t).sort()[Math.floor(0.05 * (n - 1))] + 0.25;
  const fx: number[] = [];
  const fy: number[] = [];
  for (let i = 0; i < n; i++) {
    if (t[i] > front) continue;
    fx.push(xs[i]);
    fy.push(ys[i]);
  }
  if (fx.length < 5) return los;
  const face = principalAxis(Float64Array.from(fx), Float64Array.from(fy));
  if (face.spreadRatio > 0.3) return los;
  const normal = face.angle + Math.PI / 2;
  const turn = wrapAngle(2 * (normal - los)) / 2; // modulo π
  if (Math.abs(turn) <= HEAD_ON_MAX_TURN) return los + turn;
  // Farther off, the face is an end seen at a slant with the side beside it hidden (by another
  // object): when all the returns (`whole`, their principal axis) lie on one straight face at
  // least 1 m wide, its normal is the heading.
  const straight = whole.spreadRatio <= SLANTED_FACE_SPREAD && faceSpan(xs, ys, whole.angle) >= SLANTED_FACE_SPAN;
  return straight ? whole.angle + Math.PI / 2 : los;
}

/** A face turned more than 10° off the line of sight heads the box when this straight and wide. */
const SLANTED_FACE_SPREAD = 0.1;
const SLANTED_FACE_SPAN = 1.0;

/** Extent (metres) of points along a direction (radians). */
function faceSpan(xs: Float64Array, ys: Float64Array, angle: number): number {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const t = xs[i] * c + ys[i] * s;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return hi - lo;
}
