import type { Vec3 } from '../types.ts';

/**
 * A bird's-eye-view point cluster, coordinates relative to (originX, originY) in the LiDAR frame
 * (metres). The sensor is at the LiDAR origin, i.e. at (−originX, −originY) in these coordinates.
 */
export interface BevCluster {
  xs: Float64Array;
  ys: Float64Array;
  originX: number;
  originY: number;
  /** The click, in the same relative coordinates. */
  seedX: number;
  seedY: number;
}

export interface BevBox {
  /** LiDAR-frame centre, metres. */
  centerX: number;
  centerY: number;
  /** Extent along the heading and across it, metres. */
  length: number;
  width: number;
}

/** A visible extent at least this fraction of the expected size is taken as the whole object. */
const SEEN_WHOLE = 0.85;
/** A visible extent beyond this multiple of the expected size has swallowed its surroundings. */
const TOO_BIG = 1.5;
/** Clusters with at least this many points have their extremes trimmed by `TRIM` per side. */
const ROBUST_MIN_POINTS = 50;
const TRIM = 0.01;
/** Points within this distance (metres) of an end of the cluster belong to the face there. */
const FACE_BAND = 0.2;

/**
 * The bird's-eye-view rectangle for a cluster at a given heading (radians about +z from +x),
 * with the expected size `dims` ([length, width, height], metres). Along each axis:
 * - points spanning at least 85 % of the expected size are the whole object: the box is their
 *   span (or, with `fixedSize`, the expected size centred on it);
 * - a shorter span is the object seen in part: when the face nearest the sensor is visible (its
 *   points spread across the other axis), the box starts at that face and takes the expected
 *   size away from the sensor; otherwise the expected size is centred on the points;
 * - a span over 1.5 × the expected size has taken in its surroundings: the box is the window of
 *   the expected size around the click that holds the most points.
 * The extremes of clusters of 50 points or more are trimmed by 1 % per side first.
 */
export interface BoxForHeadingOptions {
  /** Keep the expected size even where the object is seen whole (a prior from another frame). */
  fixedSize?: boolean;
  /**
   * The object is rounded, not box-shaped (a person): a partly seen span is its near side, so
   * the box is placed halfway between starting at it and being centred on it.
   */
  rounded?: boolean;
}

export function boxForHeading(
  cluster: BevCluster,
  yaw: number,
  dims: Vec3,
  opts: BoxForHeadingOptions = {},
): BevBox {
  const fixedSize = opts.fixedSize ?? false;
  const rounded = opts.rounded ?? false;
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
  const sensorU = -(originX * c + originY * s);
  const sensorV = -(originY * c - originX * s);
  const seedU = cluster.seedX * c + cluster.seedY * s;
  const seedV = cluster.seedY * c - cluster.seedX * s;
  const [lo1, hi1] = axisExtent(u, v, dims[0], dims[1], sensorU, seedU, fixedSize, rounded);
  const [lo2, hi2] = axisExtent(v, u, dims[1], dims[0], sensorV, seedV, fixedSize, rounded);
  const cu = (lo1 + hi1) / 2;
  const cv = (lo2 + hi2) / 2;
  return {
    centerX: originX + cu * c - cv * s,
    centerY: originY + cu * s + cv * c,
    length: hi1 - lo1,
    width: hi2 - lo2,
  };
}

function axisExtent(
  along: Float64Array,
  across: Float64Array,
  dim: number,
  otherDim: number,
  sensor: number,
  seed: number,
  fixedSize: boolean,
  rounded: boolean,
): [number, number] {
  const [a, b] = robustRange(along);
  if (b - a > TOO_BIG * dim) return densestWindow(along, dim, seed);
  if (b - a >= SEEN_WHOLE * dim) return fixedSize ? [(a + b) / 2 - dim / 2, (a + b) / 2 + dim / 2] : [a, b];
  const mid = (a + b) / 2;
  const centred: [number, number] = [mid - dim / 2, mid + dim / 2];
  const minSpread = Math.min(0.5, 0.3 * otherDim);
  let anchored: [number, number] | null = null;
  if (sensor < a && faceSpread(along, across, a) >= minSpread) anchored = [a, a + dim];
  else if (sensor > b && faceSpread(along, across, b) >= minSpread) anchored = [b - dim, b];
  if (anchored === null) return centred;
  if (!rounded) return anchored;
  return [(anchored[0] + centred[0]) / 2, (anchored[1] + centred[1]) / 2];
}

/** How far the points near `end` (on the `along` axis) spread on the `across` axis. */
function faceSpread(along: Float64Array, across: Float64Array, end: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < along.length; i++) {
    if (Math.abs(along[i] - end) > FACE_BAND) continue;
    if (across[i] < lo) lo = across[i];
    if (across[i] > hi) hi = across[i];
  }
  return hi > lo ? hi - lo : 0;
}

/**
 * The window [t, t + dim] that contains the seed and the most points (ties: the one centred
 * nearest the seed), for a cluster that grew into its surroundings.
 */
function densestWindow(along: Float64Array, dim: number, seed: number): [number, number] {
  const sortedAlong = Float64Array.from(along).sort();
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
 * The span of the values, ignoring the outermost 1 % on each side once there are enough points
 * for that to be a few stray returns (mirrors, an arm, a branch) rather than the object.
 */
function robustRange(a: Float64Array): [number, number] {
  const n = a.length;
  if (n < ROBUST_MIN_POINTS) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (a[i] < lo) lo = a[i];
      if (a[i] > hi) hi = a[i];
    }
    return [lo, hi];
  }
  const sorted = Float64Array.from(a).sort();
  const k = Math.floor(TRIM * n);
  return [sorted[k], sorted[n - 1 - k]];
}

/**
 * How badly the cluster fits the expected size when the heading (length axis) is `yaw`: the
 * negative log-likelihood of the rectangle sides the points span, each side being either seen
 * whole (span ≈ expected size) or seen in part (any span up to the expected size, equally
 * likely). A side seen end-on (under 0.3 m) carries no information. Lower is better; used to
 * decide which rectangle axis is the length.
 */
export function scoreAxisAssignment(cluster: BevCluster, yaw: number, dims: Vec3): number {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
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
  return legCost(hi1 - lo1, dims[0]) + legCost(hi2 - lo2, dims[1]);
}

function legCost(span: number, dim: number): number {
  if (!(span >= 0.3 && dim > 0)) return 0;
  const sigma = 0.12 * dim + 0.05;
  const z = (span - dim) / sigma;
  const whole = (0.5 * Math.exp(-0.5 * z * z)) / (sigma * Math.sqrt(2 * Math.PI));
  const part = span <= dim ? 0.5 / dim : 0;
  return -Math.log(whole + part + 1e-3);
}
