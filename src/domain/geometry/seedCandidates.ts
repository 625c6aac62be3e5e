import type { GroundModel } from './estimateGround.ts';
import { groundHeightAt } from './estimateGround.ts';
import { cellRange } from './PointGrid.ts';
import type { PointGrid } from './PointGrid.ts';

/** What `gatherCandidates` reads of `ClusterAroundSeedOptions` (see there; LiDAR frame, metres). */
export interface CandidateOptions {
  grid: PointGrid;
  ground: GroundModel;
  radius: number;
  center?: readonly [number, number];
  groundClearance: number;
  maxHeight: number;
  /** Points for which this is true are never candidates (those inside boxes already drawn: `FitCuboidOptions.exclude`). */
  skip?: ((x: number, y: number, z: number) => boolean) | undefined;
}

/** The points a click's clustering starts from (`clusterAroundSeed`). */
export interface Candidates {
  count: number;
  /** Index into the frame's positions of each candidate. */
  index: Uint32Array;
  /** Candidates' x y z. */
  xyz: Float32Array;
}

/**
 * Above this many candidates, clustering runs on one point per square cell of the top view
 * (`THIN_VOXEL` metres): the links are in the top view, so points stacked in a cell add nothing.
 */
export const THIN_ABOVE = 1000;
export const THIN_VOXEL = 0.08;

/**
 * One candidate per occupied top-view cell (edge `voxel` metres), and for every candidate the
 * index of the one standing for its cell. Cells smaller than the links keep every outline.
 */
export function thinCandidates(all: Candidates, voxel: number): { cand: Candidates; groupOf: Int32Array } {
  const groupOf = new Int32Array(all.count);
  const seen = new Map<number, number>();
  const keep: number[] = [];
  for (let i = 0; i < all.count; i++) {
    const key = Math.floor(all.xyz[3 * i] / voxel) * 1_000_003 + Math.floor(all.xyz[3 * i + 1] / voxel);
    let g = seen.get(key);
    if (g === undefined) {
      g = keep.length;
      seen.set(key, g);
      keep.push(i);
    }
    groupOf[i] = g;
  }
  const index = new Uint32Array(keep.length);
  const xyz = new Float32Array(3 * keep.length);
  keep.forEach((i, k) => {
    index[k] = all.index[i];
    xyz.set(all.xyz.subarray(3 * i, 3 * i + 3), 3 * k);
  });
  return { cand: { count: keep.length, index, xyz }, groupOf };
}

/** Points in the search disc (around the seed or `center`), above the ground band and below the height cap. */
export function gatherCandidates(seedX: number, seedY: number, opts: CandidateOptions): Candidates {
  const { grid, ground, radius } = opts;
  const [cx, cy] = opts.center ?? [seedX, seedY];
  const r2 = radius * radius;
  let index = new Uint32Array(256);
  let xyz = new Float32Array(768);
  let n = 0;
  const range = cellRange(grid, cx - radius, cy - radius, cx + radius, cy + radius);
  if (range === null) return { count: 0, index, xyz };
  const { cellStart, sorted, indices, nx } = grid;
  for (let iy = range[1]; iy <= range[3]; iy++) {
    const end = cellStart[iy * nx + range[2] + 1];
    for (let p = cellStart[iy * nx + range[0]]; p < end; p++) {
      const x = sorted[3 * p];
      const y = sorted[3 * p + 1];
      if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > r2) continue;
      const z = sorted[3 * p + 2];
      const g = groundHeightAt(ground, x, y);
      if (z < g + opts.groundClearance || z > g + opts.maxHeight) continue;
      if (opts.skip !== undefined && opts.skip(x, y, z)) continue;
      if (n === index.length) {
        const i2 = new Uint32Array(n * 2);
        i2.set(index);
        index = i2;
        const x2 = new Float32Array(n * 6);
        x2.set(xyz);
        xyz = x2;
      }
      index[n] = indices[p];
      xyz[3 * n] = x;
      xyz[3 * n + 1] = y;
      xyz[3 * n + 2] = z;
      n++;
    }
  }
  return { count: n, index, xyz };
}
