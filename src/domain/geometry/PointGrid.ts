/**
 * A uniform 2D (x, y) grid over the finite points of a cloud, built once per frame and reused by
 * many queries (points in boxes, fitting, picking). Points are bucketed by counting sort, so
 * building is two linear passes and no per-point allocation.
 *
 * Layout: cell (ix, iy) has id `iy * nx + ix`; the points of cell id k are
 * `indices[cellStart[k] .. cellStart[k + 1])`, ascending. Because cells of one row are
 * consecutive, the points of a run of cells in a row are one contiguous range.
 * `sorted` holds the same points' x y z in that order (a copy, for cache-friendly scans).
 */
export interface PointGrid {
  /** LiDAR-frame x of the lower edge of column 0, metres. */
  originX: number;
  /** LiDAR-frame y of the lower edge of row 0, metres. */
  originY: number;
  /** Cell edge length, metres. */
  cellSize: number;
  /** Number of columns (along x) and rows (along y); both ≥ 1. */
  nx: number;
  ny: number;
  /** Length nx·ny + 1: start offset of each cell in `indices`. */
  cellStart: Uint32Array;
  /** Indices of the finite points (into the source positions), grouped by cell. */
  indices: Uint32Array;
  /** x y z of `indices[i]` at `3i`, float32 as in the source. */
  sorted: Float32Array;
  /** Number of points the grid was built from (finite or not). */
  pointCount: number;
}

export interface BuildPointGridOptions {
  /** Cell edge in metres; by default chosen from the point density (clamped to 0.25–8 m). */
  cellSize?: number;
  /** Number of points to use from `positions` (default `positions.length / 3`). */
  count?: number;
}

/** Points per cell the automatic cell size aims for, on average over the occupied bounds. */
const TARGET_POINTS_PER_CELL = 12;
const MIN_AUTO_CELL = 0.25;
const MAX_AUTO_CELL = 8;
/** Upper bound on the cell count, so a few far outliers cannot make a huge grid. */
const MAX_CELLS = 1 << 22;

/**
 * Builds the grid over `positions` (x y z interleaved, LiDAR frame, metres). Points with a
 * NaN or infinite coordinate are left out of the grid (they lie in no box).
 *
 * @throws Error `buildPointGrid: ...` for a non-positive `cellSize` or a `count` beyond the buffer.
 */
export function buildPointGrid(positions: Float32Array, opts: BuildPointGridOptions = {}): PointGrid {
  const count = opts.count ?? Math.floor(positions.length / 3);
  if (!Number.isInteger(count) || count < 0 || count * 3 > positions.length) {
    throw new Error(`buildPointGrid: count ${count} does not fit positions of length ${positions.length}`);
  }
  if (opts.cellSize !== undefined && !(opts.cellSize > 0 && Number.isFinite(opts.cellSize))) {
    throw new Error(`buildPointGrid: cellSize must be a positive number, got ${opts.cellSize}`);
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let finite = 0;
  for (let i = 0, o = 0; i < count; i++, o += 3) {
    const x = positions[o];
    const y = positions[o + 1];
    const z = positions[o + 2];
    // x - x is 0 only for finite x (NaN and ±Infinity give NaN).
    if (x - x !== 0 || y - y !== 0 || z - z !== 0) continue;
    finite++;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (finite === 0) {
    return {
      originX: 0,
      originY: 0,
      cellSize: opts.cellSize ?? 1,
      nx: 1,
      ny: 1,
      cellStart: new Uint32Array(2),
      indices: new Uint32Array(0),
      sorted: new Float32Array(0),
      pointCount: count,
    };
  }
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  let cellSize = opts.cellSize ?? autoCellSize(spanX, spanY, finite);
  // Grow the cell until the grid is of bounded size.
  while ((Math.floor(spanX / cellSize) + 1) * (Math.floor(spanY / cellSize) + 1) > MAX_CELLS) {
    cellSize *= 2;
  }
  const inv = 1 / cellSize;
  const nx = Math.floor(spanX * inv) + 1;
  const ny = Math.floor(spanY * inv) + 1;
  const nCells = nx * ny;

  // Pass 1: cell id per point (or 0xffffffff for non-finite) and counts.
  const cellOf = new Uint32Array(count);
  const cellStart = new Uint32Array(nCells + 1);
  for (let i = 0, o = 0; i < count; i++, o += 3) {
    const x = positions[o];
    const y = positions[o + 1];
    const z = positions[o + 2];
    if (x - x !== 0 || y - y !== 0 || z - z !== 0) {
      cellOf[i] = 0xffffffff;
      continue;
    }
    // Non-negative by construction, so truncation is floor (and matches `cellRange`).
    let ix = ((x - minX) * inv) | 0;
    let iy = ((y - minY) * inv) | 0;
    if (ix >= nx) ix = nx - 1;
    if (iy >= ny) iy = ny - 1;
    const k = iy * nx + ix;
    cellOf[i] = k;
    cellStart[k + 1]++;
  }
  for (let k = 0; k < nCells; k++) cellStart[k + 1] += cellStart[k];

  // Pass 2: scatter, in point order so each cell's indices are ascending.
  const cursor = cellStart.slice(0, nCells);
  const indices = new Uint32Array(finite);
  const sorted = new Float32Array(finite * 3);
  for (let i = 0; i < count; i++) {
    const k = cellOf[i];
    if (k === 0xffffffff) continue;
    const p = cursor[k]++;
    indices[p] = i;
    const o = i * 3;
    const q = p * 3;
    sorted[q] = positions[o];
    sorted[q + 1] = positions[o + 1];
    sorted[q + 2] = positions[o + 2];
  }
  return { originX: minX, originY: minY, cellSize, nx, ny, cellStart, indices, sorted, pointCount: count };
}

function autoCellSize(spanX: number, spanY: number, n: number): number {
  // Use at least 1 m per side so that a line of points or a single point still gets a sane area.
  const area = Math.max(spanX, 1) * Math.max(spanY, 1);
  const size = Math.sqrt((area * TARGET_POINTS_PER_CELL) / n);
  return Math.min(MAX_AUTO_CELL, Math.max(MIN_AUTO_CELL, size));
}

/**
 * The column range [ix0, ix1] and row range [iy0, iy1] of the cells that meet the rectangle
 * [minX, maxX] × [minY, maxY] (LiDAR frame, metres), clamped to the grid. Returns null when
 * the rectangle misses the grid, is empty (min > max) or is NaN. Floating-point monotonicity
 * guarantees that every grid point with minX ≤ x ≤ maxX and minY ≤ y ≤ maxY is in one of these
 * cells.
 */
export function cellRange(grid: PointGrid, minX: number, minY: number, maxX: number, maxY: number): [number, number, number, number] | null {
  if (!(minX <= maxX && minY <= maxY)) return null;
  const inv = 1 / grid.cellSize;
  const fx0 = Math.floor((minX - grid.originX) * inv);
  const fx1 = Math.floor((maxX - grid.originX) * inv);
  const fy0 = Math.floor((minY - grid.originY) * inv);
  const fy1 = Math.floor((maxY - grid.originY) * inv);
  // Written so that NaN fails every test.
  if (!(fx1 >= 0 && fy1 >= 0 && fx0 < grid.nx && fy0 < grid.ny && fx0 <= fx1 && fy0 <= fy1)) return null;
  return [Math.max(0, fx0), Math.max(0, fy0), Math.min(grid.nx - 1, fx1), Math.min(grid.ny - 1, fy1)];
}

/**
 * Calls `cb(index)` for every grid point with minX ≤ x ≤ maxX and minY ≤ y ≤ maxY (LiDAR frame,
 * metres, bounds inclusive). `index` is the point's index in the positions the grid was built
 * from. Order: by cell row, then column, then ascending index within a cell.
 */
export function queryRect(grid: PointGrid, minX: number, minY: number, maxX: number, maxY: number, cb: (index: number) => void): void {
  const r = cellRange(grid, minX, minY, maxX, maxY);
  if (r === null) return;
  const [ix0, iy0, ix1, iy1] = r;
  const { cellStart, indices, sorted, nx } = grid;
  for (let iy = iy0; iy <= iy1; iy++) {
    const end = cellStart[iy * nx + ix1 + 1];
    for (let p = cellStart[iy * nx + ix0]; p < end; p++) {
      const x = sorted[3 * p];
      const y = sorted[3 * p + 1];
      if (x >= minX && x <= maxX && y >= minY && y <= maxY) cb(indices[p]);
    }
  }
}
