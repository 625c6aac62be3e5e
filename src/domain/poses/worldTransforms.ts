import type { CuboidShape } from '../geometry/CuboidShape.ts';
import type { Vec3 } from '../types.ts';
import type { Pose } from './Pose.ts';
import { applyRigid, composeRigid, invertRigid } from './rigid.ts';

/**
 * Boxes and points between a frame's LiDAR frame and the world frame of its sequence, and from
 * one frame's LiDAR frame into another's. A box keeps its size; its centre is transformed exactly
 * and its yaw is the heading (the box's +x axis, along its length) turned by the transform and
 * read about the target's +z: roll and pitch between the frames are dropped, which for a level
 * sensor is below the poses' own error.
 */

/** `box` (any frame) transformed by the rigid transform `m` (metres, yaw radians in (−π, π]). */
export function transformBox<T extends CuboidShape>(box: T, m: Pose): T {
  const [x, y, z] = box.center;
  const center: Vec3 = applyRigid(m, x, y, z);
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  // The heading vector turned by the rotation only.
  const hx = m[0] * c + m[1] * s;
  const hy = m[4] * c + m[5] * s;
  return { ...box, center, yaw: Math.atan2(hy, hx) };
}

/** A box of a frame's LiDAR frame in the world frame (`pose`: that frame's LiDAR → world). */
export function lidarBoxToWorld<T extends CuboidShape>(box: T, pose: Pose): T {
  return transformBox(box, pose);
}

/** A box of the world frame in a frame's LiDAR frame (`pose`: that frame's LiDAR → world). */
export function worldBoxToLidar<T extends CuboidShape>(box: T, pose: Pose): T {
  return transformBox(box, invertRigid(pose));
}

/**
 * The transform from frame A's LiDAR frame into frame B's (`to⁻¹ · from`): a point that stays put
 * in the world has coordinates `p_B = m · p_A`. Both poses must be of the same sequence.
 */
export function lidarToLidar(from: Pose, to: Pose): number[] {
  return composeRigid(invertRigid(to), from);
}

/** `positions` (x y z interleaved, a frame's LiDAR frame) in the world frame, as float64 (world coordinates can be large). */
export function pointsToWorld(positions: ArrayLike<number>, pose: Pose): Float64Array {
  const out = new Float64Array(positions.length);
  for (let i = 0; i + 2 < positions.length; i += 3) {
    const x = positions[i];
    const y = positions[i + 1];
    const z = positions[i + 2];
    out[i] = pose[0] * x + pose[1] * y + pose[2] * z + pose[3];
    out[i + 1] = pose[4] * x + pose[5] * y + pose[6] * z + pose[7];
    out[i + 2] = pose[8] * x + pose[9] * y + pose[10] * z + pose[11];
  }
  return out;
}
