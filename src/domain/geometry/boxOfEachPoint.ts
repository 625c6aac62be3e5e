import type { CuboidShape } from './CuboidShape.ts';
import { pointsInCuboids } from './pointsInCuboids.ts';
import type { PointGrid } from './PointGrid.ts';

/** Most boxes `boxOfEachPoint` can name: a point's box number is stored in 16 bits (0 = none). */
export const MAX_LABELLED_BOXES = 65_535;

/**
 * Which box each point of a cloud falls in, as a box number per point: 0 outside every box,
 * `k` inside `boxes[k - 1]`. Where boxes overlap, the point goes to the smallest box (by volume;
 * the earlier box on a tie), so a cyclist's points inside a loose car box stay the cyclist's.
 *
 * Inputs: `positions` x y z interleaved, LiDAR frame, metres (NaN points allowed: always 0);
 * boxes in the LiDAR frame, boundary inclusive (the test of `isPointInCuboid`). `grid` is a grid
 * built over the same positions, if there is one.
 *
 * @throws Error `boxOfEachPoint: ...` when there are more than `MAX_LABELLED_BOXES` boxes.
 */
export function boxOfEachPoint(positions: Float32Array, boxes: readonly CuboidShape[], grid?: PointGrid): Uint16Array {
  if (boxes.length > MAX_LABELLED_BOXES) {
    throw new Error(`boxOfEachPoint: at most ${MAX_LABELLED_BOXES} boxes can be labelled per point, got ${boxes.length}`);
  }
  const n = Math.floor(positions.length / 3);
  const out = new Uint16Array(n);
  if (boxes.length === 0 || n === 0) return out;
  const { indices } = pointsInCuboids(positions, boxes, { grid });
  // Largest first, so smaller boxes overwrite the points they share with a larger one.
  const order = boxes.map((_, k) => k).sort((a, b) => volume(boxes[b]) - volume(boxes[a]) || b - a);
  for (const k of order) {
    const list = indices[k];
    for (let j = 0; j < list.length; j++) out[list[j]] = k + 1;
  }
  return out;
}

function volume(box: CuboidShape): number {
  return Math.abs(box.size[0] * box.size[1] * box.size[2]);
}
