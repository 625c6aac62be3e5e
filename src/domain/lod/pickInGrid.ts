import type { PointGrid } from '../geometry/PointGrid.ts';
import type { Vec3 } from '../types.ts';

/**
 * `pickPointNearRay` through a `PointGrid`, for clouds too big for a linear scan (a merged
 * sequence): the ray's ground track is walked from the camera outward, and only the cells within
 * the pick cone's reach of it are tested; the walk stops once it is past the best hit. Same
 * answer as the scan: the point nearest the camera within `angle` radians of the ray (plus 5 cm),
 * beyond `minDistance`. Metres, the grid's frame; `zRange` bounds the cloud's heights (it clips
 * the walk of a steep ray). Returns the point's index in the source positions, or -1.
 */
export function pickInGrid(grid: PointGrid, zRange: readonly [number, number], origin: Vec3, direction: Vec3, angle = 0.008, minDistance = 0.5): number {
  const len = Math.hypot(direction[0], direction[1], direction[2]);
  if (!(len > 0) || grid.indices.length === 0) return -1;
  const [dx, dy, dz] = [direction[0] / len, direction[1] / len, direction[2] / len];
  const [ox, oy, oz] = origin;
  const cs = grid.cellSize;
  // The span of t where the ray is within the grid's x, y bounds and the cloud's heights (± 1 m).
  let t0 = minDistance;
  let t1 = 5000;
  const clip = (o: number, d: number, lo: number, hi: number): void => {
    if (Math.abs(d) < 1e-12) {
      if (o < lo || o > hi) t1 = -1;
      return;
    }
    const a = (lo - o) / d;
    const b = (hi - o) / d;
    t0 = Math.max(t0, Math.min(a, b));
    t1 = Math.min(t1, Math.max(a, b));
  };
  clip(ox, dx, grid.originX - 1, grid.originX + grid.nx * cs + 1);
  clip(oy, dy, grid.originY - 1, grid.originY + grid.ny * cs + 1);
  clip(oz, dz, zRange[0] - 1, zRange[1] + 1);
  if (!(t1 > t0)) return -1;
  const tan2 = Math.tan(angle) ** 2;
  const hxy = Math.hypot(dx, dy);
  const steps = Math.min(20000, Math.max(1, Math.ceil(((t1 - t0) * hxy) / (cs / 2))));
  const seen = new Set<number>();
  let best = -1;
  let bestT = Infinity;
  for (let s = 0; s <= steps; s++) {
    const t = t0 + ((t1 - t0) * s) / steps;
    const reach = Math.sqrt(tan2) * (steps === 1 ? t1 : t + (t1 - t0) / steps) + 0.05;
    // Cells nearer than the best hit's t can still hold a nearer point; farther ones cannot.
    if (t - (reach + cs * 1.5) / Math.max(hxy, 1e-9) > bestT) break;
    const px = ox + dx * t;
    const py = oy + dy * t;
    const ix0 = Math.max(0, Math.floor((px - reach - grid.originX) / cs));
    const ix1 = Math.min(grid.nx - 1, Math.floor((px + reach - grid.originX) / cs));
    const iy0 = Math.max(0, Math.floor((py - reach - grid.originY) / cs));
    const iy1 = Math.min(grid.ny - 1, Math.floor((py + reach - grid.originY) / cs));
    for (let iy = iy0; iy <= iy1; iy++) {
      for (let ix = ix0; ix <= ix1; ix++) {
        const cell = iy * grid.nx + ix;
        if (seen.has(cell)) continue;
        seen.add(cell);
        const sorted = grid.sorted;
        for (let j = grid.cellStart[cell], end = grid.cellStart[cell + 1]; j < end; j++) {
          const vx = sorted[j * 3] - ox;
          const vy = sorted[j * 3 + 1] - oy;
          const vz = sorted[j * 3 + 2] - oz;
          const pt = vx * dx + vy * dy + vz * dz;
          if (!(pt > minDistance) || pt >= bestT) continue;
          if (vx * vx + vy * vy + vz * vz - pt * pt <= tan2 * pt * pt + 0.0025) {
            best = grid.indices[j];
            bestT = pt;
          }
        }
      }
    }
  }
  return best;
}
