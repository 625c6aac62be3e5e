import { groundHeightAt } from './estimateGround.ts';
import type { GroundModel } from './estimateGround.ts';
import { queryRect } from './PointGrid.ts';
import type { PointGrid } from './PointGrid.ts';

/**
 * Returns this far (metres) below the ground model cannot be explained by a kerb, a camber or
 * range noise: the model lies above them.
 */
const SUNK = 0.5;
/** At least this many such returns around the click (a stray echo below the road is one or two). */
const MIN_SUNK = 3;
/** How far (metres) below the sunk returns the ground seen nearer the sensor must lie to replace the model. */
const BELOW_SUNK = 0.2;

/**
 * The ground under a click, checked against the returns around it. Nothing returns from under the
 * ground, so where `MIN_SUNK` or more returns within `radius` (bird's-eye view, metres) of (x, y)
 * lie `SUNK` or more below the model, the model there is the top of something: a far truck seen
 * by two beams near the horizon, the upper one all that a ground cell holds, the cells filled
 * around it spreading it. The ground is then taken as it was last measured on the way from the
 * click to the sensor (`origin`): the first measured cell that lies `BELOW_SUNK` under the
 * third-lowest sunk return, continued flat where no beam reached the ground. Otherwise, or when no
 * such cell exists (echoes below the road from a reflection: the road nearer is higher than they
 * are), `ground` as it is.
 */
export function groundUnderReturns(
  positions: Float32Array,
  grid: PointGrid,
  ground: GroundModel,
  x: number,
  y: number,
  radius: number,
  origin: readonly [number, number, number],
): GroundModel {
  const sunk: number[] = [];
  queryRect(grid, x - radius, y - radius, x + radius, y + radius, (i) => {
    const px = positions[3 * i];
    const py = positions[3 * i + 1];
    if ((px - x) ** 2 + (py - y) ** 2 > radius * radius) return;
    const z = positions[3 * i + 2];
    if (z < groundHeightAt(ground, px, py) - SUNK) sunk.push(z);
  });
  if (sunk.length < MIN_SUNK) return ground;
  sunk.sort((a, b) => a - b);
  const below = sunk[MIN_SUNK - 1] - BELOW_SUNK;
  const z = measuredTowards(ground, x, y, origin[0], origin[1], below);
  return z === null ? ground : flatGround(x, y, z);
}

/**
 * The height of the first measured cell at or below `below` on the way from (x, y) to the sensor
 * at (ox, oy), in half-cell steps; null when there is none.
 */
function measuredTowards(g: GroundModel, x: number, y: number, ox: number, oy: number, below: number): number | null {
  const d = Math.hypot(ox - x, oy - y);
  const step = g.cellSize / 2;
  for (let s = 0; s <= d; s += step) {
    const t = d > 0 ? s / d : 0;
    const ix = Math.round((x + (ox - x) * t - g.originX) / g.cellSize);
    const iy = Math.round((y + (oy - y) * t - g.originY) / g.cellSize);
    if (ix < 0 || iy < 0 || ix >= g.nx || iy >= g.ny) continue;
    const k = iy * g.nx + ix;
    if (g.measured[k] === 1 && g.heights[k] <= below) return g.heights[k];
  }
  return null;
}

/** A ground model of one cell at height `z` around (x, y): flat everywhere. */
function flatGround(x: number, y: number, z: number): GroundModel {
  return { originX: x, originY: y, cellSize: 1, nx: 1, ny: 1, heights: Float32Array.of(z), measured: Uint8Array.of(1), defaultZ: z };
}
