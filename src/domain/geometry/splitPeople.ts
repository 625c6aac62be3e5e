import { principalAxis } from './principalAxis.ts';

/** Fewest points of a part, and their least share of the whole. */
const MIN_PART = 4;
const MIN_SHARE = 0.2;
/** Least distance (metres) between the parts' middles along the axis: two people side by side, shoulder to shoulder, stand at least this far apart. */
const MIN_SEPARATION = 0.45;
/** Half the width (metres) of the band around a cut whose returns say how much body it goes through. */
const VALLEY = 0.1;
/** Most splits: a group of up to four people in a row. */
const MAX_SPLITS = 3;

/**
 * The person under the click when the cluster there is longer in the top view than one person can
 * be (`maxLong`, metres): people walking side by side or in a queue touch in the clustering's
 * links, and one box around the group is wrong (each person gets a box of their own). Along the
 * group's principal axis, the points are split in two where the cut goes through the fewest
 * returns (where one body ends and the next begins), among the cuts that leave each part at least
 * 4 points and a fifth of them, the parts' middles at least 0.45 m apart (shoulder to shoulder).
 * The part nearer the click is kept, and split again while it is still too long (at most 3
 * times). Returns `indices` (into x y z `positions`) unchanged when no split holds. Sorted input
 * gives sorted output.
 */
export function splitPeople(positions: Float32Array, indices: Uint32Array, seedX: number, seedY: number, maxLong: number): Uint32Array {
  let kept = indices;
  for (let round = 0; round < MAX_SPLITS; round++) {
    const part = splitOnce(positions, kept, seedX, seedY, maxLong);
    if (part === null) break;
    kept = part;
  }
  return kept;
}

function splitOnce(positions: Float32Array, idx: Uint32Array, seedX: number, seedY: number, maxLong: number): Uint32Array | null {
  const n = idx.length;
  if (n < 2 * MIN_PART) return null;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    xs[k] = positions[3 * idx[k]];
    ys[k] = positions[3 * idx[k] + 1];
  }
  const { angle } = principalAxis(xs, ys);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const t = new Float64Array(n);
  for (let k = 0; k < n; k++) t[k] = xs[k] * c + ys[k] * s;
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => t[a] - t[b]);
  if (t[order[n - 1]] - t[order[0]] <= maxLong) return null;
  // The cut through the fewest returns (within ±0.1 m: where one body ends and the next begins)
  // among those that leave both parts big enough and far enough apart; of equals, the one of
  // largest between-part variance.
  const ts = order.map((k) => t[k]);
  const least = Math.max(MIN_PART, Math.ceil(MIN_SHARE * n));
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) prefix[k + 1] = prefix[k] + ts[k];
  let at = -1;
  let fewest = Infinity;
  let best = -1;
  let lo = 0;
  let hi = 0;
  for (let m = least; m <= n - least; m++) {
    const meanL = prefix[m] / m;
    const meanR = (prefix[n] - prefix[m]) / (n - m);
    if (meanR - meanL < MIN_SEPARATION) continue;
    const cut = (ts[m - 1] + ts[m]) / 2;
    while (ts[lo] < cut - VALLEY) lo++;
    while (hi < n && ts[hi] <= cut + VALLEY) hi++;
    const near = hi - lo;
    const between = m * (n - m) * (meanR - meanL) ** 2;
    if (near < fewest || (near === fewest && between > best)) {
      fewest = near;
      best = between;
      at = m;
    }
  }
  if (at < 0) return null;
  const cut = (ts[at - 1] + ts[at]) / 2;
  const seedT = seedX * c + seedY * s;
  // The part on the click's side of the cut.
  const low = seedT < cut;
  const out: number[] = [];
  for (let k = 0; k < n; k++) if (t[k] < cut === low) out.push(idx[k]);
  return Uint32Array.from(out);
}
