import { buildPointGrid } from './PointGrid.ts';
import type { PointGrid } from './PointGrid.ts';
import { raysUnderCells } from './raysUnderCells.ts';

/**
 * A local ground-height map: a coarse x–y grid of ground z values (LiDAR frame, metres), with
 * every cell filled. Plain data (structured-cloneable), so a worker can build it once per frame.
 */
export interface GroundModel {
  /** LiDAR-frame x, y of the centre of cell (0, 0), metres. */
  originX: number;
  originY: number;
  /** Cell edge, metres. */
  cellSize: number;
  nx: number;
  ny: number;
  /** Ground z per cell (row-major, `iy * nx + ix`), metres; every entry is finite. */
  heights: Float32Array;
  /** Whether a cell's height was measured (1) or filled from its neighbours (0). */
  measured: Uint8Array;
  /** Height used where nothing is known: the median of the measured cells, metres. */
  defaultZ: number;
}

export interface EstimateGroundOptions {
  /** Cell edge in metres (default 2). */
  cellSize?: number;
  /** Points with |x| or |y| beyond this (metres, from the sensor) are ignored (default 80). */
  maxRange?: number;
  /** Quantile of a cell's z values taken as its ground (default 0.05: a robust minimum). */
  quantile?: number;
  /**
   * A cell whose low z is more than this (metres) above the lower quartile of its 5×5
   * neighbourhood is taken to be covered by an object, and more than twice this below it a pit
   * or stray echoes; either is refilled from its neighbours (default 0.2).
   */
  tolerance?: number;
  /** Ground height when the cloud has no usable point (default −1.73, a KITTI-like mount). */
  fallbackZ?: number;
  /**
   * Where (cell centre x, y) the scanner's ground rings lie farther apart than a cell, so that a
   * cell may hold only an object's returns: there a low layer that is the foot of a surface is no
   * ground (`liesUnderSurface`). Default: nowhere (every cell's low layer may be ground).
   */
  sparseRingsAt?: (x: number, y: number) => boolean;
  /**
   * Points known not to be ground (1 per point, e.g. `standingOnRings`: returns standing in front
   * of the ground their beam reaches): left out of the map. Default: none.
   */
  exclude?: Uint8Array;
  /**
   * Where the sensor sat (points' frame, metres), when known: a cell that at least 3 rays from it
   * to farther returns pass under (`raysUnderCells`) is covered by an object, whatever its
   * neighbours say. Default: unknown.
   */
  sensorOrigin?: readonly [number, number, number];
  /**
   * Horizontal distance from `sensorOrigin` (metres) within which the scanner's lowest beam cannot
   * reach flat ground: cells whose centre lies there hold objects (or the vehicle), not ground.
   * Default 0.
   */
  blindRadius?: number;
  /**
   * Where no ground answers (x, y: cell centre): the scanner's ground rings lie so far apart there
   * that a cell's low is a far object's single row unless it lies near the ground under the
   * sensor (`flatZ`, points' frame, metres). A cell there whose low stands 0.3–4 m above `flatZ`
   * holds an object (higher: a hillside or a building, judged as anywhere else). Default: nowhere.
   */
  ringGap?: { flatZ: number; at: (x: number, y: number, z: number) => boolean };
}

/** How far (metres) above the flat ground under the sensor a cell's low in the ring gap may lie and be ground. */
const ABOVE_FLAT = 0.3;
/** A low in the ring gap higher than this above flat ground (metres) is no vehicle's row: a hillside or a building, left alone. */
const VEHICLE_TOP = 4;

/** Rays passing under a cell's low value that show it is no ground. */
const RAYS_UNDER = 3;
/** Neighbourhood radius, in cells, of the lower quartile a cell is compared with. */
const NEIGHBOUR_RADIUS = 2;

/**
 * Estimates the local ground height under a LiDAR scan (positions x y z interleaved, LiDAR
 * frame, metres; NaN points ignored).
 *
 * Each cell (default 2 m) takes a low quantile of its points' z: a robust minimum that ignores
 * single points below the ground. Cells covered by an object (a car, a wall) stand above the
 * ground around them, so a cell is kept only when it agrees with the lower quartile of its
 * 5×5 neighbourhood (lower quartile rather than median because objects only ever push cells
 * up). Dropped and empty cells are filled from the mean of their known neighbours, ring by ring;
 * what is still unknown gets the median of the kept cells. Typical cost: ~10 ms for a KITTI
 * scan of 120k points.
 */
export function estimateGround(positions: Float32Array, opts: EstimateGroundOptions = {}): GroundModel {
  const cellSize = opts.cellSize ?? 2;
  const maxRange = opts.maxRange ?? 80;
  const quantile = opts.quantile ?? 0.05;
  const tolerance = opts.tolerance ?? 0.2;
  if (!(cellSize > 0 && Number.isFinite(cellSize))) {
    throw new Error(`estimateGround: cellSize must be a positive number, got ${cellSize}`);
  }
  // Keep only points within range, so a far outlier cannot stretch the map.
  const n = Math.floor(positions.length / 3);
  const exclude = opts.exclude;
  const kept = new Float32Array(n * 3);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = positions[3 * i];
    const y = positions[3 * i + 1];
    const z = positions[3 * i + 2];
    if (!(Math.abs(x) <= maxRange && Math.abs(y) <= maxRange && z - z === 0)) continue;
    if (exclude !== undefined && exclude[i] === 1) continue;
    kept[3 * m] = x;
    kept[3 * m + 1] = y;
    kept[3 * m + 2] = z;
    m++;
  }
  const grid = buildPointGrid(kept, { cellSize, count: m });
  const { nx, ny, cellStart, sorted } = grid;
  const nCells = nx * ny;
  const low = new Float64Array(nCells).fill(NaN);
  const foot = new Uint8Array(nCells);
  const sparse = opts.sparseRingsAt;
  const cols = sparse !== undefined ? columnTops(sorted, m, grid.originX, grid.originY, cellSize, nx, ny) : null;
  const blind = opts.sensorOrigin !== undefined ? (opts.blindRadius ?? 0) : 0;
  const [bx, by] = opts.sensorOrigin ?? [0, 0];
  const gap = opts.ringGap;
  let zs = new Float64Array(64);
  for (let k = 0; k < nCells; k++) {
    const a = cellStart[k];
    const b = cellStart[k + 1];
    if (b === a) continue;
    if (b - a > zs.length) zs = new Float64Array(2 * (b - a));
    for (let p = a; p < b; p++) zs[p - a] = sorted[3 * p + 2];
    const cell = zs.subarray(0, b - a).sort();
    const v = cell[Math.min(cell.length - 1, Math.floor(quantile * cell.length))];
    low[k] = v;
    const cx = grid.originX + ((k % nx) + 0.5) * cellSize;
    const cy = grid.originY + (Math.floor(k / nx) + 0.5) * cellSize;
    if (sparse !== undefined && sparse(cx, cy) && liesUnderSurface(sorted, a, b, cols, grid.originX, grid.originY, cellSize, v)) foot[k] = 1;
    if (blind > 0 && Math.hypot(cx - bx, cy - by) < blind) foot[k] = 1;
    if (gap !== undefined && v - gap.flatZ >= ABOVE_FLAT && v - gap.flatZ <= VEHICLE_TOP && gap.at(cx, cy, v)) foot[k] = 1;
  }

  if (exclude !== undefined) underExcluded(positions, exclude, maxRange, grid, low, foot);
  if (opts.sensorOrigin !== undefined) {
    const under = raysUnderCells(sorted, m, grid, low, opts.sensorOrigin);
    for (let k = 0; k < nCells; k++) if (under[k] >= RAYS_UNDER) foot[k] = 1;
  }
  // The feet of surfaces are no ground, unless nothing else is (a far patch of one object).
  let cells = keepGroundCells(low, foot, nx, ny, tolerance);
  if (!cells.measured.includes(1)) cells = keepGroundCells(low, null, nx, ny, tolerance);
  const { measured, heights } = cells;

  const defaultZ = medianOfMeasured(heights, measured) ?? opts.fallbackZ ?? -1.73;
  fillHoles(heights, measured, nx, ny, defaultZ);
  return {
    originX: grid.originX + cellSize / 2,
    originY: grid.originY + cellSize / 2,
    cellSize,
    nx,
    ny,
    heights,
    measured,
    defaultZ,
  };
}

/** How far (metres) above the lowest excluded return in its cell a cell's low value may lie and still be ground (noise). */
const ABOVE_EXCLUDED = 0.1;

/**
 * Marks in `foot` the cells whose low value lies above the lowest of the excluded returns (known
 * not to be ground: things standing on it) in the cell: ground lies under what stands on it, so
 * such a low is the top of something else (a roof seen past a car's side).
 */
function underExcluded(positions: Float32Array, exclude: Uint8Array, maxRange: number, grid: PointGrid, low: Float64Array, foot: Uint8Array): void {
  const { originX, originY, cellSize, nx, ny } = grid;
  const lowest = new Float64Array(nx * ny).fill(Infinity);
  const n = Math.min(exclude.length, Math.floor(positions.length / 3));
  for (let i = 0; i < n; i++) {
    if (exclude[i] !== 1) continue;
    const x = positions[3 * i];
    const y = positions[3 * i + 1];
    if (!(Math.abs(x) <= maxRange && Math.abs(y) <= maxRange)) continue;
    const ix = Math.floor((x - originX) / cellSize);
    const iy = Math.floor((y - originY) / cellSize);
    if (ix < 0 || iy < 0 || ix >= nx || iy >= ny) continue;
    const k = iy * nx + ix;
    lowest[k] = Math.min(lowest[k], positions[3 * i + 2]);
  }
  for (let k = 0; k < nx * ny; k++) if (low[k] > lowest[k] + ABOVE_EXCLUDED) foot[k] = 1;
}

/** Edge of the columns the map is cut into to tell ground from the foot of a surface, metres. */
const COLUMN = 0.25;
/** Points this far (metres) above a cell's low value, within REACH columns of a low point, make it the foot of a surface. */
const SURFACE_RISE = 0.35;
/** Points within this of the low value (metres) are the cell's low layer. */
const LOW_LAYER = 0.1;
/** Share of the low layer under a surface above which the cell's low is an object's foot, not ground. */
const UNDER_SHARE = 0.5;
/** Columns on each side searched for a surface over a low point. */
const REACH = 2;

/** Highest z per COLUMN-wide column over the whole grid (row-major, `side` columns per cell edge). */
interface Columns {
  side: number;
  width: number;
  height: number;
  top: Float32Array;
}

function columnTops(sorted: Float32Array, count: number, originX: number, originY: number, cellSize: number, nx: number, ny: number): Columns {
  const side = Math.min(16, Math.max(1, Math.round(cellSize / COLUMN)));
  const width = nx * side;
  const height = ny * side;
  const top = new Float32Array(width * height).fill(-Infinity);
  const step = cellSize / side;
  for (let p = 0; p < count; p++) {
    const cx = Math.min(width - 1, Math.max(0, Math.floor((sorted[3 * p] - originX) / step)));
    const cy = Math.min(height - 1, Math.max(0, Math.floor((sorted[3 * p + 1] - originY) / step)));
    const k = cy * width + cx;
    if (sorted[3 * p + 2] > top[k]) top[k] = sorted[3 * p + 2];
  }
  return { side, width, height, top };
}

/**
 * Whether the low layer of one ground cell (points `a..b` of `sorted`, its low value `low`) is
 * mostly the foot of a vertical surface: some point within two columns (0.5 m) of it stands 0.35 m
 * or more above. Between the ground rings of a sparse scanner (20–33 m for a 16-beam one on a
 * car) a cell can hold only an object's returns, the lowest of them half a metre above the
 * ground; ground returns lie where nothing stands on the spot a beam reached.
 */
function liesUnderSurface(
  sorted: Float32Array,
  a: number,
  b: number,
  cols: Columns | null,
  originX: number,
  originY: number,
  cellSize: number,
  low: number,
): boolean {
  if (cols === null) return false;
  const step = cellSize / cols.side;
  let layer = 0;
  let under = 0;
  for (let p = a; p < b; p++) {
    const z = sorted[3 * p + 2];
    if (z > low + LOW_LAYER) continue;
    layer++;
    const cx = Math.floor((sorted[3 * p] - originX) / step);
    const cy = Math.floor((sorted[3 * p + 1] - originY) / step);
    let high = -Infinity;
    for (let jy = Math.max(0, cy - REACH); jy <= Math.min(cols.height - 1, cy + REACH); jy++) {
      for (let jx = Math.max(0, cx - REACH); jx <= Math.min(cols.width - 1, cx + REACH); jx++) high = Math.max(high, cols.top[jy * cols.width + jx]);
    }
    if (high - low >= SURFACE_RISE) under++;
  }
  return layer > 0 && under > UNDER_SHARE * layer;
}

/**
 * Keeps a cell only when it agrees with the lower quartile of its 5×5 neighbourhood (`low`: each
 * cell's low value, NaN for none): a cell covered by an object (car roof, bumper, wall) stands
 * above it, a pit or a below-ground echo below.
 */
function keepGroundCells(
  low: Float64Array,
  foot: Uint8Array | null,
  nx: number,
  ny: number,
  tolerance: number,
): { measured: Uint8Array; heights: Float32Array } {
  const measured = new Uint8Array(nx * ny);
  const heights = new Float32Array(nx * ny);
  const near = new Float64Array((2 * NEIGHBOUR_RADIUS + 1) ** 2);
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      const k = iy * nx + ix;
      const v = low[k];
      if (v !== v || (foot !== null && foot[k] === 1)) continue;
      let cnt = 0;
      for (let jy = Math.max(0, iy - NEIGHBOUR_RADIUS); jy <= Math.min(ny - 1, iy + NEIGHBOUR_RADIUS); jy++) {
        for (let jx = Math.max(0, ix - NEIGHBOUR_RADIUS); jx <= Math.min(nx - 1, ix + NEIGHBOUR_RADIUS); jx++) {
          const w = low[jy * nx + jx];
          if (w === w) near[cnt++] = w;
        }
      }
      const ref = lowerQuartile(near.subarray(0, cnt));
      if (v <= ref + tolerance && v >= ref - 2 * tolerance) {
        measured[k] = 1;
        heights[k] = v;
      }
    }
  }
  return { measured, heights };
}

/** The value a quarter of the way up the sorted values (sorts in place). */
function lowerQuartile(values: Float64Array): number {
  values.sort();
  return values[(values.length - 1) >> 2];
}

function medianOfMeasured(heights: Float32Array, measured: Uint8Array): number | null {
  const vals: number[] = [];
  for (let k = 0; k < heights.length; k++) if (measured[k]) vals.push(heights[k]);
  if (vals.length === 0) return null;
  vals.sort((a, b) => a - b);
  return vals[vals.length >> 1];
}

/** Fills unmeasured cells ring by ring with the mean of their already-known 8-neighbours. */
function fillHoles(heights: Float32Array, measured: Uint8Array, nx: number, ny: number, defaultZ: number): void {
  const known = measured.slice();
  let frontier = true;
  while (frontier) {
    frontier = false;
    const next = known.slice();
    for (let iy = 0; iy < ny; iy++) {
      for (let ix = 0; ix < nx; ix++) {
        const k = iy * nx + ix;
        if (known[k]) continue;
        let sum = 0;
        let cnt = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const jx = ix + dx;
            const jy = iy + dy;
            if (jx < 0 || jy < 0 || jx >= nx || jy >= ny || !known[jy * nx + jx]) continue;
            sum += heights[jy * nx + jx];
            cnt++;
          }
        }
        if (cnt > 0) {
          heights[k] = sum / cnt;
          next[k] = 1;
          frontier = true;
        }
      }
    }
    known.set(next);
  }
  for (let k = 0; k < heights.length; k++) if (!known[k]) heights[k] = defaultZ;
}

/** The four cells around a point and its place between their centres (`locate`); reused, no allocation. */
const at = { i00: 0, i01: 0, i10: 0, i11: 0, tx: 0, ty: 0 };

/**
 * Finds the four ground cells whose centres surround (x, y) (clamped to the edge cells outside
 * the map) into `at`; false for NaN input.
 */
function locate(model: GroundModel, x: number, y: number): boolean {
  const fx = (x - model.originX) / model.cellSize;
  const fy = (y - model.originY) / model.cellSize;
  if (!(fx === fx && fy === fy)) return false;
  const cx = Math.min(Math.max(fx, 0), model.nx - 1);
  const cy = Math.min(Math.max(fy, 0), model.ny - 1);
  const x0 = Math.min(Math.floor(cx), model.nx - 1);
  const y0 = Math.min(Math.floor(cy), model.ny - 1);
  const x1 = Math.min(x0 + 1, model.nx - 1);
  const y1 = Math.min(y0 + 1, model.ny - 1);
  const nx = model.nx;
  at.i00 = y0 * nx + x0;
  at.i01 = y0 * nx + x1;
  at.i10 = y1 * nx + x0;
  at.i11 = y1 * nx + x1;
  at.tx = cx - x0;
  at.ty = cy - y0;
  return true;
}

/**
 * Ground height (LiDAR-frame z, metres) at a LiDAR-frame (x, y) in metres: bilinear between
 * cell centres, clamped to the edge cells outside the map. NaN input gives `defaultZ`.
 */
export function groundHeightAt(model: GroundModel, x: number, y: number): number {
  if (!locate(model, x, y)) return model.defaultZ;
  const h = model.heights;
  const top = h[at.i00] * (1 - at.tx) + h[at.i01] * at.tx;
  const bottom = h[at.i10] * (1 - at.tx) + h[at.i11] * at.tx;
  return top * (1 - at.ty) + bottom * at.ty;
}

/**
 * The lowest of the ground heights of the four cells around (x, y) (LiDAR z, metres): the road
 * beside a kerb rather than the blend of road and pavement that `groundHeightAt` gives there. A
 * point's height above this is how far it stands above the lowest ground near it.
 */
export function lowGroundAt(model: GroundModel, x: number, y: number): number {
  if (!locate(model, x, y)) return model.defaultZ;
  const h = model.heights;
  return Math.min(h[at.i00], h[at.i01], h[at.i10], h[at.i11]);
}
