import { nearestIndex } from './nearestIndex.ts';
import type { ScanSensor } from './ScanSensor.ts';

/** How much higher (metres) a run of one beam's returns must stand than the beam's next return beyond it. */
const RISE = 0.25;
/** Empty firings allowed inside one run of a beam, and between a run's end and its neighbour. */
const GAP = 2;
/** Neighbouring returns of one beam this close in range (metres, plus 3 % of the range) lie on one surface. */
const LINK = 0.3;
/**
 * Passes over the beams: a run in front of a run already found standing stands too (a car seen
 * just in front of another is barely higher than it, but both stand above the road beyond).
 */
const PASSES = 2;
/** How far across the line of sight (metres) beyond a run's end the road is looked for. */
const LOOK = 3;
/** At most this many firings are looked across. */
const MAX_LOOK_BINS = 40;
/** Points this far below the sensor (metres) or more are on downward beams, the ones that reach the ground. */
const BELOW = 0.3;

/**
 * The returns that stand in front of the ground their own beam reaches (1 per point, else 0),
 * or null without beam data. Along one beam's sweep, the ground gives returns at a slowly changing
 * range; an object standing on it cuts the sweep short: a run of nearer returns, higher by at
 * least 0.25 m than the beam's next return beyond either end. A car 60 m from a 32-beam scanner
 * is often hit by one beam only, a flat line of returns 0.4 m above the road, with no return of
 * the road anywhere near it: by its height alone its cell looks like ground; the range jump to
 * the road either side says it is not.
 *
 * A run counts when one end jumps to the beam's farther returns (or to a farther run that stands)
 * and the other does too, or is hidden (nearer returns: an occluder) or unseen (no return). Only
 * downward beams are read.
 */
export function standingOnRings(positions: Float32Array, sensor: ScanSensor, ring?: ArrayLike<number>): Uint8Array | null {
  if (sensor.beams < 2 || !(sensor.azimuthStep > 0)) return null;
  const n = Math.floor(positions.length / 3);
  const [ox, oy, oz] = sensor.origin;
  const bins = Math.max(360, Math.min(20000, Math.round((2 * Math.PI) / sensor.azimuthStep)));
  const beamOf = beamIndexer(sensor, ring);
  if (beamOf === null) return null;
  const rows = beamOf.count;
  const nearest = new Int32Array(rows * bins).fill(-1);
  const range = new Float32Array(n);
  const cellOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const x = positions[3 * i] - ox;
    const y = positions[3 * i + 1] - oy;
    const z = positions[3 * i + 2] - oz;
    if (!(z < -BELOW) || !(x - x === 0 && y - y === 0)) continue;
    const r = Math.hypot(x, y);
    if (!(r > 0.5)) continue;
    const b = beamOf.index(i, Math.atan2(z, r));
    if (b < 0) continue;
    const a = Math.min(bins - 1, Math.floor(((Math.atan2(y, x) + Math.PI) / (2 * Math.PI)) * bins));
    const c = b * bins + a;
    range[i] = r;
    cellOf[i] = c;
    if (nearest[c] < 0 || r < range[nearest[c]]) nearest[c] = i;
  }
  const standing = new Uint8Array(rows * bins);
  const row: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (let b = 0; b < rows; b++) {
      row.length = 0;
      for (let a = 0; a < bins; a++) if (nearest[b * bins + a] >= 0) row.push(a);
      markRuns(row, b * bins, bins, nearest, range, positions, standing);
    }
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = cellOf[i];
    if (c >= 0 && standing[c] === 1 && range[i] - range[nearest[c]] <= tolerance(range[i])) out[i] = 1;
  }
  return out;
}

function tolerance(r: number): number {
  return LINK + 0.03 * r;
}

/** A point's beam: its ring id when the file has one, else the nearest beam elevation. */
function beamIndexer(sensor: ScanSensor, ring?: ArrayLike<number>): { count: number; index: (i: number, el: number) => number } | null {
  if (ring === undefined) {
    const e = sensor.elevations;
    if (e.length < 2) return null;
    return { count: e.length, index: (_i, el) => nearestIndex(e, el) };
  }
  const ids = new Map<number, number>();
  for (let i = 0; i < ring.length; i++) {
    const id = Math.round(Number(ring[i]));
    if (Number.isFinite(id) && !ids.has(id)) ids.set(id, ids.size);
    if (ids.size > 1024) return null;
  }
  return { count: ids.size, index: (i) => ids.get(Math.round(Number(ring[i]))) ?? -1 };
}

type Side = 'far' | 'flat' | 'near' | 'none';

/**
 * Marks, in `standing`, the cells of one beam's runs that stand in front of the ground: `row`
 * lists the occupied azimuth bins of the beam in order (circular), `base` its first cell.
 */
function markRuns(row: number[], base: number, bins: number, nearest: Int32Array, range: Float32Array, positions: Float32Array, standing: Uint8Array): void {
  const m = row.length;
  if (m < 2) return;
  const pt = (k: number): number => nearest[base + row[((k % m) + m) % m]];
  const gapAfter = (k: number): number => {
    const a = row[((k % m) + m) % m];
    const b = row[(((k + 1) % m) + m) % m];
    return (b - a + bins) % bins;
  };
  const linked = (k: number): boolean => {
    const p = pt(k);
    const q = pt(k + 1);
    return gapAfter(k) <= GAP + 1 && Math.abs(range[p] - range[q]) <= tolerance(Math.min(range[p], range[q]));
  };
  // Start at a break, so that no run wraps past the start.
  let start = -1;
  for (let k = 0; k < m; k++) {
    if (!linked(k)) {
      start = k + 1;
      break;
    }
  }
  if (start < 0) return;
  // The lowest farther return within LOOK metres across the line of sight beyond a run's end: a
  // receding side or a low kerb just beyond the run does not hide the road a little farther on.
  const side = (end: number, dir: 1 | -1): Side => {
    if (gapAfter(dir === 1 ? end : end - 1) > GAP + 1) return 'none';
    const p = pt(end);
    const q = pt(end + dir);
    if (range[q] < range[p]) return 'near';
    if (standing[base + row[(((end + dir) % m) + m) % m]] === 1) return 'far';
    const reach = Math.min(MAX_LOOK_BINS, Math.ceil(LOOK / (Math.max(range[p], 1) * ((2 * Math.PI) / bins))));
    let lowest = positions[3 * q + 2];
    let bins0 = 0;
    for (let j = end + dir; Math.abs(j - end) < m; j += dir) {
      bins0 += gapAfter(dir === 1 ? j - 1 : j);
      if (bins0 > reach) break;
      const o = pt(j);
      if (range[o] > range[p]) lowest = Math.min(lowest, positions[3 * o + 2]);
    }
    return positions[3 * p + 2] - lowest >= RISE ? 'far' : 'flat';
  };
  let k = start;
  while (k < start + m) {
    let e = k;
    while (e < start + m - 1 && linked(e)) e++;
    const left = side(k, -1);
    const right = side(e, 1);
    const open = (s: Side): boolean => s === 'far' || s === 'near' || s === 'none';
    if ((left === 'far' && open(right)) || (right === 'far' && open(left))) {
      for (let j = k; j <= e; j++) standing[base + row[((j % m) + m) % m]] = 1;
    }
    k = e + 1;
  }
}
