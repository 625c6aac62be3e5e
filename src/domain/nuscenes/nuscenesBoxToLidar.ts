import type { CuboidShape } from '../geometry/CuboidShape.ts';
import type { Pose } from '../poses/Pose.ts';
import { composeRigid, invertRigid, quaternionToMat3, rigidFrom } from '../poses/rigid.ts';
import type { Quaternion, Vec3Tuple } from './NuscenesTables.ts';

/** A pose row of nuScenes: `translation` (metres) and `rotation` (unit quaternion `[w, x, y, z]`). */
export interface NuRigid {
  translation: Vec3Tuple;
  rotation: Quaternion;
}

/** The 4×4 transform of a nuScenes pose row (`ego_pose`: ego → global; `calibrated_sensor`: sensor → ego). */
export function nuRigid(r: NuRigid): number[] {
  return rigidFrom(quaternionToMat3(r.rotation), r.translation);
}

/** LiDAR → global of a LiDAR sample_data: `ego_pose · calibrated_sensor` (devkit order). */
export function nuLidarPose(egoPose: NuRigid, calibratedSensor: NuRigid): number[] {
  return composeRigid(nuRigid(egoPose), nuRigid(calibratedSensor));
}

/**
 * A nuScenes `sample_annotation` box (global frame: `translation` the box centre, `size`
 * `[width, length, height]`, `rotation` a quaternion whose +x axis is the box's length/heading)
 * in the frame given by `lidarPose` (LiDAR → global, see `nuLidarPose`), as the devkit's
 * `get_sample_data` does it: translate by −ego, rotate by ego⁻¹, translate by −sensor, rotate by
 * sensor⁻¹. Returns the app's box: centre, `[length, width, height]`, yaw = the heading of the
 * box's +x axis after the rotation, about the LiDAR +z (the devkit's `quaternion_yaw`), radians.
 */
export function nuscenesBoxToLidar(box: { translation: Vec3Tuple; size: Vec3Tuple; rotation: Quaternion }, lidarPose: Pose): CuboidShape {
  const inv = invertRigid(lidarPose);
  const [x, y, z] = box.translation;
  const center: [number, number, number] = [
    inv[0] * x + inv[1] * y + inv[2] * z + inv[3],
    inv[4] * x + inv[5] * y + inv[6] * z + inv[7],
    inv[8] * x + inv[9] * y + inv[10] * z + inv[11],
  ];
  const r = quaternionToMat3(box.rotation);
  // The box's +x axis in the global frame (first column of its rotation), then in the LiDAR frame.
  const gx = r[0];
  const gy = r[3];
  const gz = r[6];
  const hx = inv[0] * gx + inv[1] * gy + inv[2] * gz;
  const hy = inv[4] * gx + inv[5] * gy + inv[6] * gz;
  const [w, l, h] = box.size;
  return { center, size: [l, w, h], yaw: Math.atan2(hy, hx) };
}

/**
 * The inverse of `nuscenesBoxToLidar` for a box with no roll or pitch in the LiDAR frame: the
 * global `translation`, `size` `[w, l, h]` and `rotation` `[w, x, y, z]` of an app box.
 */
export function lidarBoxToNuscenes(box: CuboidShape, lidarPose: Pose): { translation: Vec3Tuple; size: Vec3Tuple; rotation: Quaternion } {
  const m = lidarPose;
  const [x, y, z] = box.center;
  const translation: Vec3Tuple = [m[0] * x + m[1] * y + m[2] * z + m[3], m[4] * x + m[5] * y + m[6] * z + m[7], m[8] * x + m[9] * y + m[10] * z + m[11]];
  // Rotation of the box in the global frame: pose rotation · Rz(yaw), as a quaternion.
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const r = [
    m[0] * c + m[1] * s,
    -m[0] * s + m[1] * c,
    m[2],
    m[4] * c + m[5] * s,
    -m[4] * s + m[5] * c,
    m[6],
    m[8] * c + m[9] * s,
    -m[8] * s + m[9] * c,
    m[10],
  ];
  return { translation, size: [box.size[1], box.size[0], box.size[2]], rotation: mat3ToQuaternion(r) };
}

/** A unit quaternion `[w, x, y, z]` (w ≥ 0) of a 3×3 row-major rotation. */
export function mat3ToQuaternion(r: readonly number[]): Quaternion {
  const tr = r[0] + r[4] + r[8];
  let q: Quaternion;
  if (tr > 0) {
    const s = Math.sqrt(tr + 1) * 2;
    q = [s / 4, (r[7] - r[5]) / s, (r[2] - r[6]) / s, (r[3] - r[1]) / s];
  } else if (r[0] > r[4] && r[0] > r[8]) {
    const s = Math.sqrt(1 + r[0] - r[4] - r[8]) * 2;
    q = [(r[7] - r[5]) / s, s / 4, (r[1] + r[3]) / s, (r[2] + r[6]) / s];
  } else if (r[4] > r[8]) {
    const s = Math.sqrt(1 + r[4] - r[0] - r[8]) * 2;
    q = [(r[2] - r[6]) / s, (r[1] + r[3]) / s, s / 4, (r[5] + r[7]) / s];
  } else {
    const s = Math.sqrt(1 + r[8] - r[0] - r[4]) * 2;
    q = [(r[3] - r[1]) / s, (r[2] + r[6]) / s, (r[5] + r[7]) / s, s / 4];
  }
  return q[0] < 0 ? [-q[0], -q[1], -q[2], -q[3]] : q;
}
