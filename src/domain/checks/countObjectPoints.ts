import type { CuboidShape } from '../geometry/CuboidShape.ts';
import type { PointGrid } from '../geometry/PointGrid.ts';
import { pointsInCuboids } from '../geometry/pointsInCuboids.ts';

/** Height (metres) of the slab at a box's bottom whose points are ground returns, not object. */
export const GROUND_SLAB = 0.2;

/**
 * Number of points of each box that can be the object: the points inside the box (LiDAR frame,
 * boundary inclusive) minus its bottom 0.2 m, where a box resting on the road holds ground
 * returns. One `pointsInCuboids` pass over boxes trimmed at the bottom (boxes lower than the slab
 * are counted whole).
 */
export function countObjectPoints(positions: Float32Array, cuboids: readonly CuboidShape[], grid?: PointGrid): Uint32Array {
  const trimmed = cuboids.map((c): CuboidShape => {
    const h = c.size[2];
    if (!(h > 2 * GROUND_SLAB)) return c;
    return { center: [c.center[0], c.center[1], c.center[2] + GROUND_SLAB / 2], size: [c.size[0], c.size[1], h - GROUND_SLAB], yaw: c.yaw };
  });
  return pointsInCuboids(positions, trimmed, { grid, withIndices: false }).counts;
}
