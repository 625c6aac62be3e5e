import type { ScanSensor } from '../../sensor/ScanSensor.ts';
import { nearestIndex } from '../../sensor/nearestIndex.ts';

/** Neighbouring returns of one beam count as one surface when at most this many azimuth steps apart. */
const MAX_STEPS = 2.5;
/** Points of a cluster read at most (beyond, every k-th beam only). */
const MAX_POINTS = 1500;
/** Fewest triples of neighbouring returns for a verdict. */
const MIN_TRIPLES = 15;
/**
 * A surface is foliage-rough when the median second difference of range along the scan lines
 * exceeds this (metres) plus ROUGH_PER_M per metre of range (beam width and range noise grow with it).
 */
const ROUGH = 0.12;
const ROUGH_PER_M = 0.002;
/** Triples are also judged per BEV cell of this size (metres), where a cell has at least CELL_TRIPLES of them. */
const CELL = 1;
const CELL_TRIPLES = 4;
/**
 * A rough cluster with at least this share of its triples in smooth cells (median under half the
 * roughness limit: a body panel's few centimetres) holds a smooth body (a car beside a bush joins
 * its cluster): not foliage as a whole.
 */
const SMOOTH_BODY = 0.35;
const SMOOTH_CELL = 0.5;

/** How smooth a cluster's visible surface is along the scan lines. */
export interface SurfaceRoughness {
  /** Median |r₀ − 2r₁ + r₂| (metres) over triples of neighbouring returns of one beam. */
  median: number;
  /** Triples it was taken over. */
  triples: number;
  /** Per 1 m BEV cell with at least 4 triples: the median second difference there, and the triples. */
  cellMedians: number[];
  cellTriples: number[];
}

/**
 * The roughness of the surface the points `xyz` (x y z, metres, the scan's frame) lie on, as the
 * sensor saw it: each point is put on its beam (the nearest of the sensor's beam elevations) and
 * ordered by azimuth; every three neighbouring returns of a beam (each at most 2.5 firings from
 * the next) give the second difference of their ranges. A body panel, a wall or a person's back
 * is smooth along a scan line (a few centimetres: range noise, the curve of the body); a hedge, a
 * bush or a crown scatters its returns through its depth (tens of centimetres). A cluster of more
 * than 1,500 points is read on every k-th beam only. Null without a beam structure or an azimuth
 * step, or with fewer than `MIN_TRIPLES` triples.
 */
export function surfaceRoughness(xyz: Float32Array, sensor: ScanSensor): SurfaceRoughness | null {
  const { elevations, azimuthStep } = sensor;
  const n = Math.floor(xyz.length / 3);
  if (elevations.length === 0 || !(azimuthStep > 0) || n < 3) return null;
  const [ox, oy, oz] = sensor.origin;
  // Each point's beam; on a big cluster every k-th beam only (whole scan lines, so neighbours stay neighbours).
  const beam = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = xyz[3 * i] - ox;
    const y = xyz[3 * i + 1] - oy;
    beam[i] = nearestIndex(elevations, Math.atan2(xyz[3 * i + 2] - oz, Math.sqrt(x * x + y * y)));
  }
  const stride = Math.max(1, Math.ceil(n / MAX_POINTS));
  const rows = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (beam[i] % stride !== 0) continue;
    let row = rows.get(beam[i]);
    if (row === undefined) rows.set(beam[i], (row = []));
    row.push(i);
  }
  const gap = MAX_STEPS * azimuthStep;
  const d2: number[] = [];
  const cells = new Map<number, number[]>();
  const azimuth = (i: number): number => Math.atan2(xyz[3 * i + 1] - oy, xyz[3 * i] - ox);
  const range = (i: number): number => {
    const x = xyz[3 * i] - ox;
    const y = xyz[3 * i + 1] - oy;
    const z = xyz[3 * i + 2] - oz;
    return Math.sqrt(x * x + y * y + z * z);
  };
  for (const row of rows.values()) {
    const m = row.length;
    if (m < 3) continue;
    const az = new Float64Array(m);
    const r = new Float64Array(m);
    const order = new Uint32Array(m);
    for (let k = 0; k < m; k++) order[k] = k;
    for (let k = 0; k < m; k++) {
      az[k] = azimuth(row[k]);
      r[k] = range(row[k]);
    }
    order.sort((a, b) => az[a] - az[b]);
    for (let k = 1; k + 1 < m; k++) {
      const a = order[k - 1];
      const b = order[k];
      const c = order[k + 1];
      if (az[b] - az[a] > gap || az[c] - az[b] > gap) continue;
      const v = Math.abs(r[a] - 2 * r[b] + r[c]);
      d2.push(v);
      // The 1 m cell of the middle return.
      const p = row[b];
      const key = Math.floor(xyz[3 * p] / CELL) * 65536 + Math.floor(xyz[3 * p + 1] / CELL);
      let cell = cells.get(key);
      if (cell === undefined) cells.set(key, (cell = []));
      cell.push(v);
    }
  }
  if (d2.length < MIN_TRIPLES) return null;
  const cellMedians: number[] = [];
  const cellTriples: number[] = [];
  for (const c of cells.values()) {
    if (c.length < CELL_TRIPLES) continue;
    cellMedians.push(median(c));
    cellTriples.push(c.length);
  }
  return { median: median(d2), triples: d2.length, cellMedians, cellTriples };
}

function median(v: number[]): number {
  v.sort((a, b) => a - b);
  return v[v.length >> 1];
}

/**
 * Whether a surface `range` metres away is foliage-rough: its median second difference is over
 * `ROUGH` + `ROUGH_PER_M` × range, and less than 35 % of its triples lie in 1 m cells whose median
 * is under half that (a car beside a bush is one cluster, rough as a whole, smooth where the car
 * is). False when unknown.
 */
export function isFoliageRough(roughness: SurfaceRoughness | null, range: number): boolean {
  if (roughness === null) return false;
  const limit = ROUGH + ROUGH_PER_M * range;
  if (!(roughness.median > limit)) return false;
  let smooth = 0;
  roughness.cellMedians.forEach((m, k) => {
    if (m <= SMOOTH_CELL * limit) smooth += roughness.cellTriples[k];
  });
  return smooth < SMOOTH_BODY * roughness.triples;
}
