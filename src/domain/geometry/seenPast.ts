import type { PointGrid } from './PointGrid.ts';

/** What `seenPast` asks about one place. */
export interface SeenPastQuery {
  /** The place, LiDAR frame, metres. */
  x: number;
  y: number;
  /** The height band (LiDAR-frame z, metres) the rays must cross there. */
  zLo: number;
  zHi: number;
  /** Largest angle (radians) between a return's azimuth and the place's, seen from the sensor. */
  halfAngle: number;
  /** Returns needed (default 2: one could be noise). */
  needed?: number;
  /** How far past the place (metres) to look for them (default 40). */
  reach?: number;
}

/**
 * Whether the sensor saw past a place at a height band: returns lie beyond it (0.3 m or more
 * farther), within `halfAngle` of its azimuth, whose rays crossed its range at a height within
 * [zLo, zHi]. Then nothing stood there at that height: a beam went through. Walks the grid's
 * cells along the ray beyond the place. `origin` is the sensor (x y z, LiDAR frame, metres).
 */
export function seenPast(grid: PointGrid, origin: readonly [number, number, number], q: SeenPastQuery): boolean {
  const [ox, oy, oz] = origin;
  const dx = q.x - ox;
  const dy = q.y - oy;
  const r0 = Math.hypot(dx, dy);
  if (!(r0 > 0.5)) return false;
  const ux = dx / r0;
  const uy = dy / r0;
  const needed = q.needed ?? 2;
  const reach = q.reach ?? 40;
  const { cellSize, nx, ny, originX, originY, cellStart, sorted } = grid;
  const inv = 1 / cellSize;
  const visited = new Set<number>();
  let found = 0;
  const step = cellSize / 2;
  for (let t = r0 + 0.3; t <= r0 + reach; t += step) {
    // The cells the angular window covers at this range (the window is narrow: one or a few).
    const w = Math.max(q.halfAngle * t, 0.05);
    const cx = ox + ux * t;
    const cy = oy + uy * t;
    const ix0 = Math.floor((cx - w - originX) * inv);
    const ix1 = Math.floor((cx + w - originX) * inv);
    const iy0 = Math.floor((cy - w - originY) * inv);
    const iy1 = Math.floor((cy + w - originY) * inv);
    if (ix1 < 0 || iy1 < 0 || ix0 >= nx || iy0 >= ny) {
      // Off the grid on the far side: nothing more lies that way.
      if ((ux > 0 && ix0 >= nx) || (ux < 0 && ix1 < 0) || (uy > 0 && iy0 >= ny) || (uy < 0 && iy1 < 0)) break;
      continue;
    }
    for (let iy = Math.max(0, iy0); iy <= Math.min(ny - 1, iy1); iy++) {
      for (let ix = Math.max(0, ix0); ix <= Math.min(nx - 1, ix1); ix++) {
        const cell = iy * nx + ix;
        if (visited.has(cell)) continue;
        visited.add(cell);
        for (let k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
          const px = sorted[3 * k] - ox;
          const py = sorted[3 * k + 1] - oy;
          const along = px * ux + py * uy;
          if (!(along >= r0 + 0.3)) continue;
          const rp = Math.hypot(px, py);
          if (Math.abs(px * uy - py * ux) > q.halfAngle * rp) continue;
          const z = oz + ((sorted[3 * k + 2] - oz) * r0) / rp;
          if (z >= q.zLo && z <= q.zHi && ++found >= needed) return true;
        }
      }
    }
  }
  return false;
}
