import type { CuboidShape } from './CuboidShape.ts';
import { buildPointGrid, cellRange } from './PointGrid.ts';
import type { PointGrid } from './PointGrid.ts';

export interface PointsInCuboidsOptions {
  /** Metres added to every face of every box (negative shrinks); default 0. */
  margin?: number;
  /** A grid built over the same `positions`; built here when absent. */
  grid?: PointGrid;
  /** Whether to return the point indices per box (default true); counts are always returned. */
  withIndices?: boolean;
}

export interface PointsInCuboidsResult {
  /** Number of points in each box, in the order of the boxes. */
  counts: Uint32Array;
  /** Per box, the ascending indices of its points (empty arrays when `withIndices` is false). */
  indices: Uint32Array[];
}

/**
 * Finds the points of a cloud that lie in each of a list of oriented boxes.
 *
 * Inputs: `positions` x y z interleaved, LiDAR frame, metres (NaN points allowed, never inside);
 * boxes in the LiDAR frame. The answer is exactly that of `isPointInCuboid(x, y, z, box, margin)`
 * for every point and box (boundary inclusive), but only the grid cells under each box's
 * bird's-eye-view bounding rectangle are scanned.
 *
 * @throws Error `pointsInCuboids: ...` when the given grid was built over a different point count.
 */
export function pointsInCuboids(positions: Float32Array, boxes: readonly CuboidShape[], opts: PointsInCuboidsOptions = {}): PointsInCuboidsResult {
  const margin = opts.margin ?? 0;
  const withIndices = opts.withIndices ?? true;
  const counts = new Uint32Array(boxes.length);
  const indices: Uint32Array[] = [];
  if (boxes.length === 0) return { counts, indices };
  const grid = opts.grid ?? buildPointGrid(positions);
  if (grid.pointCount * 3 > positions.length) {
    throw new Error(`pointsInCuboids: grid was built over ${grid.pointCount} points but positions hold ${Math.floor(positions.length / 3)}`);
  }
  const { cellStart, sorted, nx } = grid;
  const gridIndices = grid.indices;
  let hits = new Uint32Array(1024);

  for (let b = 0; b < boxes.length; b++) {
    const box = boxes[b];
    const cx = box.center[0];
    const cy = box.center[1];
    const cz = box.center[2];
    const c = Math.cos(box.yaw);
    const s = Math.sin(box.yaw);
    const hl = box.size[0] / 2 + margin;
    const hw = box.size[1] / 2 + margin;
    const hh = box.size[2] / 2 + margin;
    let n = 0;
    // Same order of operations as isPointInCuboid, so results match to the bit.
    const ac = Math.abs(c);
    const as = Math.abs(s);
    const ex = hl * ac + hw * as;
    const ey = hl * as + hw * ac;
    // The slack only widens the cell prefilter; the exact test below decides.
    const slackX = 1e-9 * (Math.abs(cx) + ex) + 1e-12;
    const slackY = 1e-9 * (Math.abs(cy) + ey) + 1e-12;
    let range: [number, number, number, number] | null = null;
    if (hl >= 0 && hw >= 0 && hh >= 0) {
      range = Number.isFinite(cx + ex + cy + ey)
        ? cellRange(grid, cx - ex - slackX, cy - ey - slackY, cx + ex + slackX, cy + ey + slackY)
        : // Infinite or NaN extents: no prefilter, let the exact test decide for every point.
          [0, 0, grid.nx - 1, grid.ny - 1];
    }
    if (range !== null) {
      const ix0 = range[0];
      const ix1 = range[2];
      for (let iy = range[1]; iy <= range[3]; iy++) {
        const row = iy * nx;
        const end = cellStart[row + ix1 + 1];
        for (let p = cellStart[row + ix0]; p < end; p++) {
          const q = p * 3;
          const dz = sorted[q + 2] - cz;
          if (!(dz <= hh && dz >= -hh)) continue;
          const dx = sorted[q] - cx;
          const dy = sorted[q + 1] - cy;
          const lx = dx * c + dy * s;
          if (!(lx <= hl && lx >= -hl)) continue;
          const ly = dy * c - dx * s;
          if (!(ly <= hw && ly >= -hw)) continue;
          if (withIndices) {
            if (n === hits.length) {
              const grown = new Uint32Array(hits.length * 2);
              grown.set(hits);
              hits = grown;
            }
            hits[n] = gridIndices[p];
          }
          n++;
        }
      }
    }
    counts[b] = n;
    if (withIndices) {
      const out = hits.slice(0, n);
      // Cells are visited row by row, so indices from different cells interleave.
      if (range !== null && (range[2] > range[0] || range[3] > range[1])) out.sort();
      indices.push(out);
    } else {
      indices.push(new Uint32Array(0));
    }
  }
  return { counts, indices };
}
