import { wrapAngle } from '../../kitti/wrapAngle.ts';

/**
 * A rotation by `yaw` radians about +z as a unit quaternion `[w, x, y, z]` (Hamilton convention,
 * as nuScenes, pyquaternion and OpenLABEL use), with `w ≥ 0`.
 */
export function yawToQuaternion(yaw: number): [number, number, number, number] {
  const half = wrapAngle(yaw) / 2;
  return [Math.cos(half), 0, 0, Math.sin(half)];
}

/**
 * The heading of a quaternion `[w, x, y, z]`: the angle of its rotated +x axis about +z, radians in
 * [−π, π) (the nuScenes devkit's `quaternion_yaw`; any roll and pitch are dropped).
 * @throws RangeError for a zero quaternion
 */
export function quaternionYaw(q: readonly number[]): number {
  const [w, x, y, z] = q;
  const n = w * w + x * x + y * y + z * z;
  if (!(n > 0)) throw new RangeError('quaternionYaw: the quaternion is zero');
  // First column of the rotation matrix (unnormalised by n, which cancels in atan2).
  const hx = w * w + x * x - y * y - z * z;
  const hy = 2 * (x * y + w * z);
  return wrapAngle(Math.atan2(hy, hx));
}
