/**
 * Orientation of the rectangle that best explains a bird's-eye-view point cluster as seen by
 * a LiDAR: the "closeness" criterion of L-shape fitting (Zhang et al., IV 2017). For each trial
 * angle the points are projected on the two rectangle axes; each point scores by its distance
 * to the nearer of the two chosen edges, so a visible L (or a single visible face) of a car
 * scores highest when the axes run along its faces.
 *
 * Input: x, y in metres (any frame); `d0` (metres): points nearer an edge than this all score
 * alike (Zhang et al. use 0.01 for dense data; larger values suit sparse, noisy clusters).
 * Output: angle in [0, π/2) radians of the first axis from +x; the rectangle's other axis is at
 * angle + π/2. Fewer than 2 distinct points give 0.
 */
export function fitLShape(xs: Float64Array, ys: Float64Array, d0 = 0.01): number {
  const n = xs.length;
  if (n < 2) return 0;
  const coarse = 1 * (Math.PI / 180);
  const first = bestAngle(xs, ys, d0, 0, (a) => a < Math.PI / 2, coarse, { angle: 0, score: -Infinity });
  const { angle } = bestAngle(xs, ys, d0, first.angle - coarse, (a) => a <= first.angle + coarse, FINE, first);
  const quarter = Math.PI / 2;
  return ((angle % quarter) + quarter) % quarter;
}

/** Refinement step of the angle searches (radians, 0.1°). */
const FINE = 0.1 * (Math.PI / 180);

/** The angle of highest closeness from `from` by `step` while `within`, starting from `best` (kept on ties). */
function bestAngle(
  xs: Float64Array,
  ys: Float64Array,
  d0: number,
  from: number,
  within: (a: number) => boolean,
  step: number,
  best: { angle: number; score: number },
): { angle: number; score: number } {
  let out = best;
  for (let a = from; within(a); a += step) {
    const score = closeness(xs, ys, a, d0);
    if (score > out.score) out = { angle: a, score };
  }
  return out;
}

function closeness(xs: Float64Array, ys: Float64Array, angle: number, d0: number): number {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const n = xs.length;
  let min1 = Infinity;
  let max1 = -Infinity;
  let min2 = Infinity;
  let max2 = -Infinity;
  for (let i = 0; i < n; i++) {
    const u = xs[i] * c + ys[i] * s;
    const v = ys[i] * c - xs[i] * s;
    if (u < min1) min1 = u;
    if (u > max1) max1 = u;
    if (v < min2) min2 = v;
    if (v > max2) max2 = v;
  }
  // Per axis, pick the edge the points hug as a whole (smaller sum of squared distances).
  let toMin1 = 0;
  let toMax1 = 0;
  let toMin2 = 0;
  let toMax2 = 0;
  for (let i = 0; i < n; i++) {
    const u = xs[i] * c + ys[i] * s;
    const v = ys[i] * c - xs[i] * s;
    toMin1 += (u - min1) * (u - min1);
    toMax1 += (max1 - u) * (max1 - u);
    toMin2 += (v - min2) * (v - min2);
    toMax2 += (max2 - v) * (max2 - v);
  }
  const useMax1 = toMax1 < toMin1;
  const useMax2 = toMax2 < toMin2;
  let score = 0;
  for (let i = 0; i < n; i++) {
    const u = xs[i] * c + ys[i] * s;
    const v = ys[i] * c - xs[i] * s;
    const d1 = useMax1 ? max1 - u : u - min1;
    const d2 = useMax2 ? max2 - v : v - min2;
    const d = d1 < d2 ? d1 : d2;
    score += 1 / (d > d0 ? d : d0);
  }
  return score;
}

/** How far (radians, 10°) from a prior's heading `headingNearPrior` looks for the faces. */
const PRIOR_WINDOW = (10 * Math.PI) / 180;
/** Share of the best closeness anywhere that the best near the prior must reach to be kept. */
const PRIOR_SCORE = 0.8;

/**
 * The heading axis (radians, any quarter turn) for a refit with a prior box: the best closeness
 * within 10° of the prior's heading when it scores at least 0.8 of `found`'s (the heading the
 * points give on their own), else `found`. An object whose two visible faces are not square to
 * each other (a trailer's drawbar end, a van's slanted rear) has a closeness peak along each; the
 * one the box was already aligned to is kept instead of turning the box to the denser face.
 */
export function headingNearPrior(xs: Float64Array, ys: Float64Array, found: number, priorYaw: number, d0 = 0.01): number {
  if (xs.length < 2) return found;
  const foundScore = closeness(xs, ys, found, d0);
  const step = 0.5 * (Math.PI / 180);
  const near = bestAngle(xs, ys, d0, priorYaw - PRIOR_WINDOW, (a) => a <= priorYaw + PRIOR_WINDOW + 1e-9, step, { angle: priorYaw, score: -Infinity });
  const best = bestAngle(xs, ys, d0, near.angle - step, (a) => a <= near.angle + step + 1e-9, FINE, near);
  return best.score >= PRIOR_SCORE * foundScore ? best.angle : found;
}
