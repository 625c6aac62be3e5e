/**
 * Spans of an object's returns along one axis, from their coordinates sorted ascending (metres):
 * trimmed of stray returns, bounded on the side facing the sensor, the spacing of the returns at
 * an end, and the densest window of a given size. Used by `boxForHeading`.
 */

/** Clusters with at least this many points have their extremes trimmed by `TRIM` per side. */
const ROBUST_MIN_POINTS = 50;
const TRIM = 0.01;
/**
 * A return this far (metres) beyond all the others at an end of the span is a stray (a return
 * through a window, off a wheel arch or the kerb beside the car), not the object's side, when it is
 * among the outermost 1 % (at least one): a face turning away thins its returns but does not jump.
 */
const STRAY_GAP = 0.3;

/** A trimmed and an untrimmed span: [lo, hi, rawLo, rawHi], metres. */
export type Span = [number, number, number, number];

/** Returns this close to an end (at least 8) show how far apart they come there. */
const END_POINTS = 0.05;

/**
 * The widest step between neighbouring values among the last 5 % (at least 8) at one end of
 * `sorted` (`side` −1: the low end, 1: the high end): how far apart the returns come there, so
 * how far beyond the last one the surface may still go unseen. Infinity with too few values.
 */
export function endGap(sorted: Float64Array, side: -1 | 1): number {
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
export function densestWindow(sortedAlong: Float64Array, dim: number, seed: number): [number, number] {
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
export function robustRange(sorted: Float64Array, dropStrays: boolean): Span {
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
export function boundingSpan([lo, hi, rawLo, rawHi]: Span, sensor: number): [number, number] {
  if (sensor < lo) return [lo, rawHi];
  if (sensor > hi) return [rawLo, hi];
  return [lo, hi];
}
