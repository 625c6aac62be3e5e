/**
 * The beams of a spinning LiDAR, read from its scan: each beam's elevation angle, and per point the
 * beam it belongs to. From a ring/laser-id field when the file has one (the median elevation of
 * each ring), else from the peaks of the elevation histogram. Elevations are seen from `origin`.
 */
export interface BeamTable {
  /** Radians, ascending. */
  elevations: Float64Array;
  source: 'ring' | 'histogram' | 'none';
}

/** Points nearer than this (metres, BEV from the origin) are left out. */
const MIN_RANGE = 3;
const BIN = (0.05 * Math.PI) / 180;
const EL_MIN = (-45 * Math.PI) / 180;
const EL_MAX = (45 * Math.PI) / 180;
/** Points sampled for the histogram or the per-ring medians. */
const SAMPLE = 40000;
/** A ring or a histogram peak needs this share of the points to count as a beam. */
const MIN_SHARE = 0.0015;
/** Share of the points that must lie on the histogram's beams for the cloud to count as a scan. */
const ON_BEAM_SHARE = 0.5;

export function beamElevations(positions: Float32Array, origin: readonly [number, number, number], ring?: ArrayLike<number>): BeamTable {
  const total = Math.floor(positions.length / 3);
  const step = Math.max(1, Math.floor(total / SAMPLE));
  const [ox, oy, oz] = origin;
  if (ring !== undefined) {
    const byRing = new Map<number, number[]>();
    let n = 0;
    for (let i = 0; i < total; i += step) {
      const e = elevationOf(positions, i, ox, oy, oz);
      if (e === null) continue;
      const r = Math.round(Number(ring[i]));
      if (!(r >= 0 && r < 4096)) continue;
      let list = byRing.get(r);
      if (list === undefined) byRing.set(r, (list = []));
      list.push(e);
      n++;
    }
    const elevations: number[] = [];
    for (const list of byRing.values()) {
      if (list.length < Math.max(3, MIN_SHARE * n * 0.5)) continue;
      list.sort((a, b) => a - b);
      elevations.push(list[list.length >> 1]);
    }
    if (elevations.length >= 2) return { elevations: Float64Array.from(elevations.sort((a, b) => a - b)), source: 'ring' };
  }
  const bins = Math.ceil((EL_MAX - EL_MIN) / BIN);
  const hist = new Float64Array(bins);
  let n = 0;
  for (let i = 0; i < total; i += step) {
    const e = elevationOf(positions, i, ox, oy, oz);
    if (e === null) continue;
    const b = Math.floor((e - EL_MIN) / BIN);
    if (b < 0 || b >= bins) continue;
    hist[b]++;
    n++;
  }
  if (n < 1000) return { elevations: new Float64Array(0), source: 'none' };
  // A beam is a local maximum of the lightly smoothed histogram that stands out of the valley
  // on both sides and holds a minimum share of the points.
  const smooth = new Float64Array(bins);
  for (let b = 1; b < bins - 1; b++) smooth[b] = 0.25 * hist[b - 1] + 0.5 * hist[b] + 0.25 * hist[b + 1];
  const peaks: number[] = [];
  for (let b = 2; b < bins - 2; b++) {
    const v = smooth[b];
    if (!(v > smooth[b - 1] && v >= smooth[b + 1])) continue;
    if (v * 2 < MIN_SHARE * n) continue;
    // The valley on each side (down to the next rise) must dip below 70 % of the peak.
    let left = v;
    for (let k = b - 1; k >= 0 && smooth[k] <= left; k--) left = smooth[k];
    let right = v;
    for (let k = b + 1; k < bins && smooth[k] <= right; k++) right = smooth[k];
    if (Math.max(left, right) > 0.7 * v) continue;
    peaks.push(EL_MIN + (b + 0.5) * BIN);
  }
  if (peaks.length < 2) return { elevations: new Float64Array(0), source: 'none' };
  // A spinning LiDAR puts nearly every return on a beam; a cloud that is not a scan (a mesh, a
  // merged map, a synthetic grid) shows a few chance peaks among a spread. Require most points
  // within 0.1° of a peak.
  const tol = Math.round((0.1 * Math.PI) / 180 / BIN);
  let onBeam = 0;
  for (const e of peaks) {
    const b = Math.floor((e - EL_MIN) / BIN);
    for (let k = Math.max(0, b - tol); k <= Math.min(bins - 1, b + tol); k++) onBeam += hist[k];
  }
  if (onBeam < ON_BEAM_SHARE * n) return { elevations: new Float64Array(0), source: 'none' };
  return { elevations: Float64Array.from(peaks), source: 'histogram' };
}

function elevationOf(p: Float32Array, i: number, ox: number, oy: number, oz: number): number | null {
  const x = p[3 * i] - ox;
  const y = p[3 * i + 1] - oy;
  const z = p[3 * i + 2] - oz;
  if (!(x - x === 0 && y - y === 0 && z - z === 0)) return null;
  const r = Math.hypot(x, y);
  if (!(r > MIN_RANGE)) return null;
  return Math.atan2(z, r);
}
