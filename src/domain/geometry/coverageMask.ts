import { pointsInCuboids } from './pointsInCuboids.ts';
import type { PointGrid } from './PointGrid.ts';
import type { Cuboid } from '../types.ts';

/**
 * From this many boxes in a frame, rules that ask "is this point in another box?" for every
 * point around every box read it from one `coverageMask` instead of testing each neighbour
 * (quadratic when boxes crowd: thousands stacked in one place).
 */
export const MANY_BOXES = 300;

/**
 * One byte per point of `positions` (x y z interleaved, LiDAR frame, metres): 1 when the point
 * lies in at least one of `boxes` grown by `margin` metres (exactly `isPointInCuboid`, boundary
 * inclusive), else 0. One `pointsInCuboids` pass over the grid cells under the boxes.
 */
export function coverageMask(positions: Float32Array, boxes: readonly Cuboid[], grid: PointGrid, margin = 0): Uint8Array {
  const mask = new Uint8Array(Math.floor(positions.length / 3));
  for (const list of pointsInCuboids(positions, boxes, { grid, margin }).indices) {
    for (let j = 0; j < list.length; j++) mask[list[j]] = 1;
  }
  return mask;
}
