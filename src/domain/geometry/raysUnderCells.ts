import type { PointGrid } from './PointGrid.ts';

/** A ray passing this far (metres) or more below a cell's low value shows the low value is no ground. */
const CLEARANCE = 0.1;
/** Rays shorter than this (horizontal metres) are not walked: near the sensor every cell holds ground returns. */
const MIN_RAY = 10;

/** The cells of a uniform x–y grid (`originX`, `originY`: lower edge of cell (0, 0), metres). */
export type CellGrid = Pick<PointGrid, 'originX' | 'originY' | 'cellSize' | 'nx' | 'ny'>;

/**
 * For each cell of `grid`, how many rays from the sensor (`origin`, points' frame) to the returns
 * (`points`: x y z interleaved, the first `count`) pass over it more than 0.1 m below the cell's
 * low value (`low`, NaN for an empty cell). A ray crosses free space: the ground under it is lower
 * than the ray all the way, so a cell that rays pass under holds no ground at its low value, only
 * the side of something (a wall, a car) that those rays missed. Only rays of downward beams,
 * longer than 10 m, are walked (in half-cell steps, each cell counted once per ray).
 */
export function raysUnderCells(points: Float32Array, count: number, grid: CellGrid, low: Float64Array, origin: readonly [number, number, number]): Uint16Array {
  const { originX, originY, cellSize, nx, ny } = grid;
  const under = new Uint16Array(nx * ny);
  const [ox, oy, oz] = origin;
  const step = cellSize / 2;
  for (let p = 0; p < count; p++) {
    const dx = points[3 * p] - ox;
    const dy = points[3 * p + 1] - oy;
    const dz = points[3 * p + 2] - oz;
    if (!(dz < 0)) continue;
    const r = Math.hypot(dx, dy);
    if (!(r > MIN_RAY)) continue;
    const ux = dx / r;
    const uy = dy / r;
    const slope = dz / r;
    let last = -1;
    for (let s = step; s < r - cellSize; s += step) {
      const ix = Math.floor((ox + ux * s - originX) / cellSize);
      const iy = Math.floor((oy + uy * s - originY) / cellSize);
      if (ix < 0 || iy < 0 || ix >= nx || iy >= ny) continue;
      const k = iy * nx + ix;
      if (k === last) continue;
      last = k;
      const v = low[k];
      if (v === v && oz + slope * s < v - CLEARANCE && under[k] < 65535) under[k]++;
    }
  }
  return under;
}
