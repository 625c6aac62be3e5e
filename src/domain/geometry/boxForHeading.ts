import type { Vec3 } from '../types.ts';
import { truncatedNormalMean } from './truncatedNormal.ts';

/**
 * A bird's-eye-view point cluster, coordinates relative to (originX, originY) in the LiDAR frame
 * (metres). The sensor is at (sensorX, sensorY) in the LiDAR frame (default the origin), i.e. at
 * (sensorX − originX, sensorY − originY) in these coordinates.
 */
export interface BevCluster {
  xs: Float64Array;
  ys: Float64Array;
  originX: number;
  originY: number;
  /** The click, in the same relative coordinates. */
  seedX: number;
  seedY: number;
  /** LiDAR-frame x, y of the sensor, metres (default 0, 0). */
  sensorX?: number;
  sensorY?: number;
}

export interface BevBox {
  /** LiDAR-frame centre, metres. */
  centerX: number;
  centerY: number;
  /** Extent along the heading and across it, metres. */
  length: number;
  width: number;
  /** Whether the length (width) was seen whole rather than completed from the class prior. */
  lengthSeen: boolean;
  widthSeen: boolean;
}

/** Most by which the prior of an unseen side scales with the seen one (see `boxForHeading`). */
const MAX_SHAPE_SCALE = 1.25;
/** With a fixed size, a visible extent at least this fraction of it is taken as the whole object. */
const SEEN_WHOLE = 0.85;
/** Clusters with at least this many points have their extremes trimmed by `TRIM` per side. */
const ROBUST_MIN_POINTS = 50;
const TRIM = 0.01;
/**
 * At the far end a return this far (metres) beyond all the others is a stray (a return through a
 * window, off a wheel arch or the kerb beside the car), not the object's end, when it is among the
 * outermost 1 % (at least one): a face turning away thins its returns but does not jump.
 */
const STRAY_GAP = 0.3;

export interface BoxForHeadingOptions {
  /** Keep the expected size even where the object is seen whole (a prior from another frame). */
  fixedSize?: boolean;
  /**
   * The object is rounded, not box-shaped (a person): a partly seen span is its near side, so
   * the box is placed halfway between starting at it and being centred on it.
   */
  rounded?: boolean;
  /**
   * An unseen extent is the prior itself, or the visible span when that is longer, rather than
   * the mean of the prior above the span (which runs past the prior whenever the span is near
   * it): for people, whose depth the points show least, the typical size is the likeliest.
   */
  unseenAtPrior?: boolean;
  /** Sizes the class spans, [min, max] metres, along the heading (l) and across it (w). */
  range?: { l: readonly [number, number]; w: readonly [number, number] };
  /** One standard deviation of the class size around `dims`, [along, across], metres. */
  spread?: readonly [number, number];
  /**
   * How far (metres) the true edge of a seen face lies beyond its outermost return: half the
   * spacing of neighbouring returns plus the clearance a label keeps around its points. Default 0.
   */
  edge?: number;
  /**
   * Horizontal angle between neighbouring firings of a beam (radians; 0 or absent: not known).
   * Along a face seen at a slant the returns are farther apart than across the line of sight
   * (azimuth step × range² / the sensor's distance from the face's line): the face's far end may
   * lie up to one such spacing beyond its last return, and the class prior decides where.
   */
  azimuthStep?: number;
}

/**
 * The bird's-eye-view rectangle for a cluster at a given heading (radians about +z from +x),
 * with the expected size `dims` ([length, width, height], metres). Along each axis:
 * - the points' span (plus `edge` at both ends) is a lower bound of the object's extent;
 * - the extent is seen whole when a face running along that axis faces the sensor (the sensor
 *   lies beyond the points across the axis) and the span reaches the class minimum: the box is
 *   the span, its far end (the sensor beyond the other) allowed up to one spacing of the returns
 *   along the face further (`azimuthStep`; wide at a slant), where the class prior puts it;
 * - otherwise the extent is the class prior (`dims` ± `spread`) restricted to [span, class max]
 *   (`truncatedNormalMean`), and the unseen part is added on the side away from the sensor,
 *   never towards it (centred when the sensor is level with the span);
 * - a span beyond the class maximum has taken in its surroundings: the box is the window of
 *   the expected size around the click that holds the most points.
 * With `fixedSize`, the extent is `dims`, centred on a span seen whole, else placed away from
 * the sensor. The extremes of clusters of 50 points or more are trimmed by 1 % per side first.
 */
export function boxForHeading(cluster: BevCluster, yaw: number, dims: Vec3, opts: BoxForHeadingOptions = {}): BevBox {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  const { xs, ys, originX, originY } = cluster;
  const n = xs.length;
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    u[i] = xs[i] * c + ys[i] * s;
    v[i] = ys[i] * c - xs[i] * s;
  }
  const sx = (cluster.sensorX ?? 0) - originX;
  const sy = (cluster.sensorY ?? 0) - originY;
  const sensorU = sx * c + sy * s;
  const sensorV = sy * c - sx * s;
  const seedU = cluster.seedX * c + cluster.seedY * s;
  const seedV = cluster.seedY * c - cluster.seedX * s;
  const uSorted = Float64Array.from(u).sort();
  const vSorted = Float64Array.from(v).sort();
  const uRange = robustRange(uSorted, false);
  const vRange = robustRange(vSorted, true);
  const base = {
    fixedSize: opts.fixedSize ?? false,
    rounded: opts.rounded ?? false,
    unseenAtPrior: opts.unseenAtPrior ?? false,
    edge: opts.edge ?? 0,
    azimuthStep: opts.azimuthStep ?? 0,
  };
  const rl = opts.range?.l ?? [SEEN_WHOLE * dims[0], 1.5 * dims[0]];
  const rw = opts.range?.w ?? [SEEN_WHOLE * dims[1], 1.5 * dims[1]];
  const alongU = (scale: number): [number, number, boolean] =>
    axisExtent(uSorted, uRange, vRange, sensorU, sensorV, seedU, {
      ...base,
      dim: dims[0] * scale,
      sigma: opts.spread?.[0] ?? 0.1 * dims[0],
      range: rl,
    });
  const alongV = (scale: number): [number, number, boolean] =>
    axisExtent(vSorted, vRange, uRange, sensorV, sensorU, seedV, {
      ...base,
      dim: dims[1] * scale,
      sigma: opts.spread?.[1] ?? 0.1 * dims[1],
      range: rw,
    });
  let [lo1, hi1, lengthSeen] = alongU(1);
  let [lo2, hi2, widthSeen] = alongV(1);
  // One side seen whole, the other not: vehicles of a class are roughly similar in shape, so
  // the unseen side's prior scales with how the seen side compares with its own (±25 % at most).
  if (!base.fixedSize && !base.rounded && lengthSeen !== widthSeen) {
    const ratio = (seen: number, dim: number): number => Math.min(MAX_SHAPE_SCALE, Math.max(1 / MAX_SHAPE_SCALE, seen / dim));
    if (widthSeen) [lo1, hi1, lengthSeen] = alongU(ratio(hi2 - lo2, dims[1]));
    else [lo2, hi2, widthSeen] = alongV(ratio(hi1 - lo1, dims[0]));
  }
  const cu = (lo1 + hi1) / 2;
  const cv = (lo2 + hi2) / 2;
  return {
    centerX: originX + cu * c - cv * s,
    centerY: originY + cu * s + cv * c,
    length: hi1 - lo1,
    width: hi2 - lo2,
    lengthSeen,
    widthSeen,
  };
}

interface AxisOptions {
  dim: number;
  sigma: number;
  range: readonly [number, number];
  fixedSize: boolean;
  rounded: boolean;
  unseenAtPrior: boolean;
  edge: number;
  azimuthStep: number;
}

/** A trimmed and an untrimmed span: [lo, hi, rawLo, rawHi], metres. */
type Span = [number, number, number, number];

function axisExtent(
  sorted: Float64Array,
  alongSpan: Span,
  [acrossLo, acrossHi]: Span,
  sensor: number,
  sensorAcross: number,
  seed: number,
  o: AxisOptions,
): [number, number, boolean] {
  const [a, b] = boundingSpan(alongSpan, sensor);
  const span = b - a;
  const dim = o.fixedSize ? o.dim : Math.min(o.range[1], Math.max(o.range[0], o.dim));
  if (span > 1.15 * o.range[1] + 0.1) return [...densestWindow(sorted, dim, seed), false];
  const mid = (a + b) / 2;
  // A face along this axis faces the sensor: its span is the object's whole extent.
  const faceSeen = sensorAcross < acrossLo || sensorAcross > acrossHi;
  let extent: number;
  let seen = false;
  if (o.fixedSize) {
    if (span >= SEEN_WHOLE * dim) return [mid - dim / 2, mid + dim / 2, true];
    extent = dim;
  } else {
    // A person's outline is a noisy blob of limbs: the span is not widened by the edge allowance.
    const visible = o.rounded ? span : span + 2 * o.edge;
    // A rounded object's silhouette across the line of sight (the sensor level with its span) is
    // seen whole; only its depth is hidden.
    seen = o.rounded ? sensor >= a && sensor <= b && span >= o.range[0] : faceSeen && span >= o.range[0];
    if (seen && !o.rounded && o.azimuthStep > 0) {
      // The face's far end may lie up to one spacing of its returns beyond the last: the prior
      // picks the extent within what that allows. With the sensor level with the face, `edge`
      // allows for its ends.
      const face = Math.max(Math.abs(sensorAcross - (sensorAcross > acrossHi ? acrossHi : acrossLo)), 0.1);
      // Spacing of the returns along the face at t (azimuth step × range² / the face's distance
      // from the sensor), no more than the returns at that end show.
      const spacing = (t: number, side: -1 | 1): number => Math.min((o.azimuthStep * ((t - sensor) ** 2 + face * face)) / face, endGap(sorted, side));
      const gapLo = sensor > b ? spacing(a, -1) : 0;
      const gapHi = sensor < a ? spacing(b, 1) : 0;
      const lower = Math.min(visible, o.range[1]);
      const upper = Math.max(lower, Math.min(visible + gapLo + gapHi, o.range[1]));
      const grown = truncatedNormalMean(o.dim, o.sigma, lower, upper);
      const extra = grown - (span + 2 * o.edge);
      if (extra <= 0 || gapLo + gapHi <= 0) return [mid - grown / 2, mid + grown / 2, seen];
      const toLo = (extra * gapLo) / (gapLo + gapHi);
      return [a - o.edge - toLo, b + o.edge + extra - toLo, seen];
    }
    extent = seen
      ? Math.min(visible, o.range[1])
      : o.unseenAtPrior
        ? Math.min(Math.max(visible, o.dim), Math.max(visible, o.range[1]))
        : truncatedNormalMean(o.dim, o.sigma, Math.max(visible, o.range[0]), Math.max(visible, o.range[1]));
  }
  if (extent <= span + 2 * o.edge) return [mid - extent / 2, mid + extent / 2, seen];
  const centred: [number, number] = [mid - extent / 2, mid + extent / 2];
  let anchored: [number, number];
  if (sensor < a) anchored = [a - o.edge, a - o.edge + extent];
  else if (sensor > b) anchored = [b + o.edge - extent, b + o.edge];
  else return [...centred, seen];
  if (!o.rounded) return [...anchored, seen];
  return [(anchored[0] + centred[0]) / 2, (anchored[1] + centred[1]) / 2, seen];
}

/** Returns this close to an end (at least 8) show how far apart they come there. */
const END_POINTS = 0.05;

/**
 * The widest step between neighbouring values among the last 5 % (at least 8) at one end of
 * `sorted` (`side` −1: the low end, 1: the high end): how far apart the returns come there, so
 * how far beyond the last one the surface may still go unseen. Infinity with too few values.
 */
function endGap(sorted: Float64Array, side: -1 | 1): number {
  const n = sorted.length;
  const k = Math.min(n - 1, Math.max(8, Math.ceil(END_POINTS * n)));
  if (k < 2) return Infinity;
  let widest = 0;
  for (let j = 0; j < k; j++) {
    const i = side > 0 ? n - 1 - j : j;
    const step = Math.abs(sorted[i] - sorted[i - side]);
    if (step > widest) widest = step;
  }
  return widest;
}

/**
 * The window [t, t + dim] that contains the seed and the most points (ties: the one centred
 * nearest the seed), for a cluster that grew into its surroundings.
 */
function densestWindow(sortedAlong: Float64Array, dim: number, seed: number): [number, number] {
  let bestT = seed - dim / 2;
  let bestCount = -1;
  let bestOff = Infinity;
  // Candidate windows start at a point, or end at one, within reach of the seed.
  for (let i = 0; i < sortedAlong.length; i++) {
    for (const t of [sortedAlong[i], sortedAlong[i] - dim]) {
      if (t > seed || t + dim < seed) continue;
      const count = upperBound(sortedAlong, t + dim) - lowerBound(sortedAlong, t);
      const off = Math.abs(t + dim / 2 - seed);
      if (count > bestCount || (count === bestCount && off < bestOff)) {
        bestCount = count;
        bestT = t;
        bestOff = off;
      }
    }
  }
  return [bestT, bestT + dim];
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The span of the values [lo, hi], ignoring the outermost 1 % on each side once there are enough
 * points for that to be a few stray returns (mirrors, which labels leave out, an arm, a branch)
 * rather than the object, and the untrimmed span [rawLo, rawHi]. With `dropStrays` (the width
 * axis) the untrimmed span leaves out a return at either end that jumps away from the rest
 * (`isStrayStep`): a car is at most 2.35 m wide, and one return 0.4 m past its side (off the kerb,
 * through a window) made a 1.6 m car 2.1 m wide. Along the length a lone return at the far end is
 * often the end itself (a bumper seen past the side), so it stays.
 */
function robustRange(sorted: Float64Array, dropStrays: boolean): Span {
  const n = sorted.length;
  if (n === 0) return [0, 0, 0, 0];
  if (n < ROBUST_MIN_POINTS) return [sorted[0], sorted[n - 1], sorted[0], sorted[n - 1]];
  const k = Math.floor(TRIM * n);
  const m = dropStrays ? Math.max(1, k) : 0;
  let rawLo = 0;
  let rawHi = n - 1;
  for (let j = 0; j < m; j++) if (isStrayStep(sorted, j, 1)) rawLo = j + 1;
  for (let j = 0; j < m; j++) if (isStrayStep(sorted, n - 1 - j, -1)) rawHi = n - 2 - j;
  // A stray is left out of the trimmed span too (1 % of under 100 points trims none).
  return [sorted[Math.max(k, rawLo)], sorted[Math.min(n - 1 - k, rawHi)], sorted[rawLo], sorted[rawHi]];
}

/** Steps between the next returns inward that a stray's jump is compared with. */
const STRAY_CONTEXT = 8;
const STRAY_RATIO = 3;

/**
 * Whether the step from `sorted[i]` to its neighbour inward (`dir` 1: up, −1: down) is a stray's
 * jump: over `STRAY_GAP` and over three times every one of the next eight steps inward.
 */
function isStrayStep(sorted: Float64Array, i: number, dir: 1 | -1): boolean {
  const gap = Math.abs(sorted[i + dir] - sorted[i]);
  if (!(gap > STRAY_GAP)) return false;
  for (let j = 1; j <= STRAY_CONTEXT; j++) {
    const a = i + j * dir;
    const b = a + dir;
    if (b < 0 || b >= sorted.length) break;
    if (STRAY_RATIO * Math.abs(sorted[b] - sorted[a]) >= gap) return false;
  }
  return true;
}

/**
 * The span along an axis that bounds the object: trimmed at the end facing the sensor, where stray
 * returns stick out towards it (a mirror, range noise on a face seen square on), and whole at the
 * far end, where the returns thin out as the face turns away and the last ones are its end. With
 * the sensor level with the span (a face seen across), both ends are trimmed.
 */
function boundingSpan([lo, hi, rawLo, rawHi]: Span, sensor: number): [number, number] {
  if (sensor < lo) return [lo, rawHi];
  if (sensor > hi) return [rawLo, hi];
  return [lo, hi];
}

/** A cluster's two rectangle sides along an axis and across it (`rectangleSides`). */
export interface RectangleSides {
  /** The points' span along the axis and across it, metres. */
  spans: [number, number];
  /** Whether each side is seen whole: the sensor saw through just beyond both its ends. */
  whole: [boolean, boolean];
}

/**
 * The spans of the cluster along `axis` (radians) and across it, and whether each side is seen
 * whole. `seen(x, y)` (LiDAR frame, metres), when given, says whether the sensor saw through that
 * place at the object's body height (`seenPast`): a side whose both ends have such a place just
 * beyond them (0.5 m, across the other side's span) is seen whole, since the object does not go
 * on there. (A truck seen end-on with 2.4 m of its side, the rest hidden behind a hedge: the end
 * face is bounded by what the sensor saw past it, the side runs into the shadow.) Both length
 * assignments (`scoreAxisAssignment`) share one of these.
 */
export function rectangleSides(cluster: BevCluster, axis: number, seen?: (x: number, y: number) => boolean): RectangleSides {
  const c = Math.cos(axis);
  const s = Math.sin(axis);
  let lo1 = Infinity;
  let hi1 = -Infinity;
  let lo2 = Infinity;
  let hi2 = -Infinity;
  for (let i = 0; i < cluster.xs.length; i++) {
    const x = cluster.xs[i];
    const y = cluster.ys[i];
    const u = x * c + y * s;
    const v = y * c - x * s;
    if (u < lo1) lo1 = u;
    if (u > hi1) hi1 = u;
    if (v < lo2) lo2 = v;
    if (v > hi2) hi2 = v;
  }
  const spans: [number, number] = [hi1 - lo1, hi2 - lo2];
  if (seen === undefined) return { spans, whole: [false, false] };
  // A place in (u, v) box coordinates, asked in the LiDAR frame.
  const at = (u: number, v: number): boolean => seen(cluster.originX + u * c - v * s, cluster.originY + u * s + v * c);
  const across = (a: number, b: number): number[] => [a, (a + b) / 2, b];
  const endSeen = (end: number, lo: number, hi: number, alongU: boolean): boolean => across(lo, hi).some((w) => (alongU ? at(end, w) : at(w, end)));
  return {
    spans,
    whole: [
      spans[0] >= 0.3 && endSeen(hi1 + END_PROBE, lo2, hi2, true) && endSeen(lo1 - END_PROBE, lo2, hi2, true),
      spans[1] >= 0.3 && endSeen(hi2 + END_PROBE, lo1, hi1, false) && endSeen(lo2 - END_PROBE, lo1, hi1, false),
    ],
  };
}

/**
 * How badly the cluster fits the expected size with its length along the sides' axis
 * (`lengthAcross` false) or across it: the negative log-likelihood of the rectangle sides the
 * points span, each side being either seen whole (span ≈ expected size) or seen in part (any span
 * up to the expected size, equally likely; not when `whole` says it is seen whole). A side seen
 * end-on (under 0.3 m) carries no information. Lower is better; used to decide which rectangle
 * axis is the length.
 */
export function scoreAxisAssignment(sides: RectangleSides, dims: Vec3, lengthAcross: boolean): number {
  const [l, w] = lengthAcross ? [1, 0] : [0, 1];
  return legCost(sides.spans[l], dims[0], sides.whole[l]) + legCost(sides.spans[w], dims[1], sides.whole[w]);
}

/** How far beyond a side's end (metres) `rectangleSides` asks whether the sensor saw through. */
const END_PROBE = 0.5;

function legCost(span: number, dim: number, bounded: boolean): number {
  if (!(span >= 0.3 && dim > 0)) return 0;
  const sigma = 0.12 * dim + 0.05;
  const z = (span - dim) / sigma;
  const pdf = Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
  if (bounded) return -Math.log(pdf + 1e-3);
  const part = span <= dim ? 0.5 / dim : 0;
  return -Math.log(0.5 * pdf + part + 1e-3);
}
