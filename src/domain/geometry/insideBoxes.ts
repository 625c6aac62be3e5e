import type { CuboidShape } from './CuboidShape.ts';
import { isPointInAnyCuboid, isPointInCuboid } from './isPointInCuboid.ts';

/** How far past a drawn box's faces (metres) its object's points still count as boxed: a mirror, a return off the edge. */
const MARGIN = 0.1;

/**
 * A test for points inside any of `boxes` (grown by 0.1 m) that lie within `radius` metres of
 * (`x`, `y`) in the top view, leaving out a box that holds (`x`, `y`) itself (in the top view);
 * undefined when no box is left. LiDAR frame, metres.
 */
export function insideBoxesNear(
  boxes: readonly CuboidShape[],
  x: number,
  y: number,
  radius: number,
): ((px: number, py: number, pz: number) => boolean) | undefined {
  const near = boxes.filter(
    (b) => Math.hypot(b.center[0] - x, b.center[1] - y) <= radius + Math.hypot(b.size[0], b.size[1]) / 2 && !isPointInCuboid(x, y, b.center[2], b, MARGIN),
  );
  if (near.length === 0) return undefined;
  return (px, py, pz) => isPointInAnyCuboid(px, py, pz, near, MARGIN);
}
