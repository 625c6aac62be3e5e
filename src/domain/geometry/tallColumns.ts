import { groundHeightAt } from './estimateGround.ts';
import type { GroundModel } from './estimateGround.ts';
import { cellRange } from './PointGrid.ts';
import type { PointGrid } from './PointGrid.ts';

/** Edge of the top-view cells (metres) in which returns above the height cap are looked for. */
export const TALL_CELL = 0.3;

/**
 * The top-view cells (keys of `tallKey`) within `radius` of (cx, cy) that hold a return between
 * `from` and `from + band` metres above the ground: what goes on up there above the height cap
 * of a class. A structure that still returns just above the cap (a wall, a trunk, a pole) is
 * taller than the class can be; a crown or an awning far above leaves the band empty.
 */
export function tallColumns(grid: PointGrid, ground: GroundModel, cx: number, cy: number, radius: number, from: number, band: number): Set<number> {
  const out = new Set<number>();
  const range = cellRange(grid, cx - radius, cy - radius, cx + radius, cy + radius);
  if (range === null) return out;
  const { cellStart, sorted, nx } = grid;
  for (let iy = range[1]; iy <= range[3]; iy++) {
    const end = cellStart[iy * nx + range[2] + 1];
    for (let p = cellStart[iy * nx + range[0]]; p < end; p++) {
      const x = sorted[3 * p];
      const y = sorted[3 * p + 1];
      if ((x - cx) ** 2 + (y - cy) ** 2 > radius * radius) continue;
      const h = sorted[3 * p + 2] - groundHeightAt(ground, x, y);
      if (h > from && h <= from + band) out.add(tallKey(x, y));
    }
  }
  return out;
}

/** The key of the `TALL_CELL` top-view cell holding (x, y). */
export function tallKey(x: number, y: number): number {
  return Math.floor(x / TALL_CELL) * 1_000_003 + Math.floor(y / TALL_CELL);
}

/** Whether (x, y) lies in or next to (3 × 3 cells) one of the `tall` cells. */
export function underTall(tall: Set<number>, x: number, y: number): boolean {
  const ix = Math.floor(x / TALL_CELL);
  const iy = Math.floor(y / TALL_CELL);
  for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) if (tall.has((ix + dx) * 1_000_003 + iy + dy)) return true;
  return false;
}
