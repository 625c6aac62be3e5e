import type { ScanSensor } from '../../sensor/ScanSensor.ts';

/** Result of `growFromInside`. */
export interface GrowResult {
  /** Number of points with state 1 (inside the box). */
  inside: number;
  /** Number of outside points (state 2) reached from the inside ones. */
  outside: number;
  /** Indices of the reached outside points. */
  reachedOutside: number[];
}

/** Reusable buffers for `growFromInside` (grown on demand), so that many boxes allocate once. */
export interface GrowScratch {
  /** The voxel of each point. */
  ints: Int32Array;
  slots: Int32Array;
}

/** Empty scratch buffers. */
export function createGrowScratch(): GrowScratch {
  return { ints: new Int32Array(0), slots: new Int32Array(0) };
}

/** Largest voxel grid (cells) per call; the voxel grows beyond it (coarser links). */
const MAX_CELLS = 1 << 22;

/**
 * Follows a surface out of a box. Points (`xyz[3k..3k+2]` for k < m, any frame; the caller uses
 * box-local metres) have a state: 1 inside the box, 2 outside, 3 in another box. They are
 * bucketed into voxels of 2/3 `link`; starting from the voxels holding inside points, the search
 * spreads to the 26 neighbouring voxels that hold outside points (never through voxels holding
 * only state-3 points). So two surfaces closer than 2/3 `link` always join, and surfaces more than
 * 4/3 `link` apart along an axis never do. Cost: linear in m plus the occupied voxels, whatever the
 * point density (a breadth-first search over occupied voxels, found through a reusable cell table).
 */
export function growFromInside(xyz: Float64Array, state: Uint8Array, m: number, link: number, scratch: GrowScratch = createGrowScratch()): GrowResult {
  const reachedOutside: number[] = [];
  if (m === 0) return { inside: 0, outside: 0, reachedOutside };
  let x0 = Infinity;
  let y0 = Infinity;
  let z0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let z1 = -Infinity;
  for (let k = 0; k < m; k++) {
    const x = xyz[3 * k];
    const y = xyz[3 * k + 1];
    const z = xyz[3 * k + 2];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    if (z < z0) z0 = z;
    if (z > z1) z1 = z;
  }
  let cell = (2 * link) / 3;
  const dims = () => [Math.floor((x1 - x0) / cell) + 1, Math.floor((y1 - y0) / cell) + 1, Math.floor((z1 - z0) / cell) + 1];
  let [nx, ny, nz] = dims();
  while (nx * ny * nz > MAX_CELLS) {
    cell *= 1.5;
    [nx, ny, nz] = dims();
  }
  const inv = 1 / cell;
  const nCells = nx * ny * nz;
  if (scratch.ints.length < m) scratch.ints = new Int32Array(Math.max(m, 2 * scratch.ints.length));
  if (scratch.slots.length < nCells) scratch.slots = new Int32Array(Math.max(nCells, 2 * scratch.slots.length)).fill(-1);
  const cellOf = scratch.ints;
  const slotOf = scratch.slots;
  let inside = 0;
  for (let k = 0; k < m; k++) {
    cellOf[k] = (Math.floor((xyz[3 * k + 2] - z0) * inv) * ny + Math.floor((xyz[3 * k + 1] - y0) * inv)) * nx + Math.floor((xyz[3 * k] - x0) * inv);
    if (state[k] === 1) inside++;
  }

  // Occupied voxels: their cell id, and whether they hold inside / outside points.
  const cells: number[] = [];
  const hasInside: boolean[] = [];
  const hasOutside: boolean[] = [];
  for (let k = 0; k < m; k++) {
    const c = cellOf[k];
    if (slotOf[c] < 0) {
      slotOf[c] = cells.length;
      cells.push(c);
      hasInside.push(false);
      hasOutside.push(false);
    }
    const s = slotOf[c];
    if (state[k] === 1) hasInside[s] = true;
    else if (state[k] === 2) hasOutside[s] = true;
  }
  const visited = new Uint8Array(cells.length);
  const queue: number[] = [];
  for (let s = 0; s < cells.length; s++) {
    if (hasInside[s]) {
      visited[s] = 1;
      queue.push(s);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const c = cells[queue[head]];
    const cx = c % nx;
    const cy = Math.floor(c / nx) % ny;
    const cz = Math.floor(c / (nx * ny));
    for (let dz = -1; dz <= 1; dz++) {
      const iz = cz + dz;
      if (iz < 0 || iz >= nz) continue;
      for (let dy = -1; dy <= 1; dy++) {
        const iy = cy + dy;
        if (iy < 0 || iy >= ny) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const ix = cx + dx;
          if (ix < 0 || ix >= nx) continue;
          const s = slotOf[(iz * ny + iy) * nx + ix];
          if (s < 0 || visited[s] || !hasOutside[s]) continue;
          visited[s] = 1;
          queue.push(s);
        }
      }
    }
  }
  for (let k = 0; k < m; k++) if (state[k] === 2 && visited[slotOf[cellOf[k]]]) reachedOutside.push(k);
  for (let s = 0; s < cells.length; s++) slotOf[cells[s]] = -1; // leave the scratch clean for the next call
  return { inside, outside: reachedOutside.length, reachedOutside };
}

/** Two above-ground points closer than this (metres) belong to one surface... */
const LINK = 0.3;
/**
 * ...or than this many of the sensor's column spacings at the range: a 64-beam scanner's 0.17°
 * columns lie 0.22 m apart 75 m away, where 0.3 m links (0.2 m voxels) split a car's rear apart and
 * a box moved 1 m off it reached none of the 7 returns it had left outside.
 */
const LINK_COLUMNS = 1.8;

/** The link (metres) that joins one surface's points around (x, y): `growFromInside`'s `link`. */
export function surfaceLink(sensor: ScanSensor, x: number, y: number): number {
  return Math.max(LINK, LINK_COLUMNS * sensor.azimuthStep * Math.hypot(x - sensor.origin[0], y - sensor.origin[1]));
}
