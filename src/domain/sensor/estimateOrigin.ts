/**
 * Finds where a spinning LiDAR sat in a scan's frame, from the scan alone.
 *
 * Every beam of a spinning LiDAR sweeps a cone whose apex is the sensor: seen from the right
 * origin, the points of one beam share one elevation angle at every range; seen from a wrong one
 * (say 1.6 m too low, as when points are given in a vehicle frame on the ground), a beam's
 * elevation drifts with range. So the origin is the candidate under which the beams are sharpest:
 * with a ring field, the smallest spread of elevation within each ring; without one, the peakiest
 * elevation histogram. x and z are searched (a roof sensor sits on the vehicle's centre line;
 * y is left at 0), coarse to fine. The origin (0, 0, 0) is kept unless another candidate is
 * clearly better, so a scan that already is in the sensor frame stays there.
 */

/** Points sampled for the search (every k-th valid point). */
const SAMPLE = 8000;
/** Points nearer than this (metres, BEV) are left out: the vehicle itself and its blind zone. */
const MIN_RANGE = 2.5;
/** Points farther than this (metres) say little about the origin. */
const MAX_RANGE = 60;
/** Histogram bin of the elevation angle, radians (0.05°). */
const BIN = (0.05 * Math.PI) / 180;
const EL_MIN = (-40 * Math.PI) / 180;
const EL_MAX = (40 * Math.PI) / 180;
/** How much sharper (score ratio) another origin must make the beams before it replaces (0, 0, 0). */
const CLEARLY_BETTER = 1.3;

export interface OriginSearch {
  origin: [number, number, number];
  /** Whether the scan showed beams sharp enough to judge (else the origin is (0, 0, 0)). */
  judged: boolean;
}

/**
 * The sensor origin of a scan (`positions`: x y z interleaved, metres; NaN and (0, 0, 0) points
 * ignored). `ring`: a beam index per point, when the file has one.
 */
export function estimateOrigin(positions: Float32Array, ring?: ArrayLike<number>): OriginSearch {
  const sample = samplePoints(positions, ring);
  if (sample.n < 200) return { origin: [0, 0, 0], judged: false };
  const score = (x0: number, z0: number): number => (ring !== undefined ? ringSharpness(sample, x0, z0) : histogramSharpness(sample, x0, z0));
  const atZero = score(0, 0);
  let bestX = 0;
  let bestZ = 0;
  let best = atZero;
  for (let z0 = -1; z0 <= 3.001; z0 += 0.1) {
    const s = score(0, z0);
    if (s > best) {
      best = s;
      bestZ = z0;
    }
  }
  for (let x0 = -2; x0 <= 2.001; x0 += 0.25) {
    const s = score(x0, bestZ);
    if (s > best) {
      best = s;
      bestX = x0;
    }
  }
  for (let z0 = bestZ - 0.1; z0 <= bestZ + 0.1001; z0 += 0.01) {
    const s = score(bestX, z0);
    if (s > best) {
      best = s;
      bestZ = z0;
    }
  }
  if (!(best > atZero * CLEARLY_BETTER)) return { origin: [0, 0, 0], judged: atZero > 0 };
  return { origin: [round2(bestX), 0, round2(bestZ)], judged: true };
}

interface Sample {
  n: number;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  ring: Int32Array;
  rings: number;
}

function samplePoints(positions: Float32Array, ring?: ArrayLike<number>): Sample {
  const total = Math.floor(positions.length / 3);
  let valid = 0;
  for (let i = 0; i < total; i++) if (usable(positions, i)) valid++;
  const step = Math.max(1, Math.floor(valid / SAMPLE));
  const cap = Math.ceil(valid / step);
  const s: Sample = {
    n: 0,
    x: new Float64Array(cap),
    y: new Float64Array(cap),
    z: new Float64Array(cap),
    ring: new Int32Array(cap),
    rings: 0,
  };
  for (let i = 0, k = 0; i < total; i++) {
    if (!usable(positions, i)) continue;
    if (k++ % step !== 0 || s.n >= cap) continue;
    s.x[s.n] = positions[3 * i];
    s.y[s.n] = positions[3 * i + 1];
    s.z[s.n] = positions[3 * i + 2];
    const r = ring === undefined ? 0 : Math.round(Number(ring[i]));
    s.ring[s.n] = r >= 0 && r < 4096 ? r : -1;
    if (s.ring[s.n] + 1 > s.rings) s.rings = s.ring[s.n] + 1;
    s.n++;
  }
  return s;
}

function usable(p: Float32Array, i: number): boolean {
  const x = p[3 * i];
  const y = p[3 * i + 1];
  const z = p[3 * i + 2];
  if (!(x - x === 0 && y - y === 0 && z - z === 0)) return false;
  const r = Math.hypot(x, y);
  return r > MIN_RANGE && r < MAX_RANGE;
}

/** 1 / (mean within-ring variance of the elevation, rad²), weighting rings by their points. */
function ringSharpness(s: Sample, x0: number, z0: number): number {
  const sum = new Float64Array(s.rings);
  const sum2 = new Float64Array(s.rings);
  const cnt = new Float64Array(s.rings);
  for (let k = 0; k < s.n; k++) {
    const r = s.ring[k];
    if (r < 0) continue;
    const e = Math.atan2(s.z[k] - z0, Math.hypot(s.x[k] - x0, s.y[k]));
    sum[r] += e;
    sum2[r] += e * e;
    cnt[r]++;
  }
  let v = 0;
  let w = 0;
  for (let r = 0; r < s.rings; r++) {
    if (cnt[r] < 5) continue;
    const m = sum[r] / cnt[r];
    v += Math.max(0, sum2[r] - cnt[r] * m * m);
    w += cnt[r];
  }
  return w > 0 ? w / (v + 1e-12) : 0;
}

/** Sum of squared bin shares of the elevation histogram (higher: sharper beams). */
function histogramSharpness(s: Sample, x0: number, z0: number): number {
  const bins = Math.ceil((EL_MAX - EL_MIN) / BIN);
  const hist = new Uint32Array(bins);
  let n = 0;
  for (let k = 0; k < s.n; k++) {
    const e = Math.atan2(s.z[k] - z0, Math.hypot(s.x[k] - x0, s.y[k]));
    const b = Math.floor((e - EL_MIN) / BIN);
    if (b < 0 || b >= bins) continue;
    hist[b]++;
    n++;
  }
  if (n === 0) return 0;
  let sq = 0;
  for (let b = 0; b < bins; b++) sq += hist[b] * hist[b];
  return sq / (n * n);
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
