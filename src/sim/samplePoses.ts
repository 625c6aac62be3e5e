import type { KittiCalib } from '../domain/kitti/KittiCalib.ts';
import { mat4From3x4 } from '../domain/kitti/mat4.ts';
import { formatPoseLine } from '../domain/poses/parseKittiOdometryPoses.ts';
import { composeRigid, invertAffine, invertRigid, rigidFromYaw } from '../domain/poses/rigid.ts';
import type { RigidZ } from './primitives/RigidZ.ts';

/**
 * The simulator's ego poses as a KITTI odometry `poses.txt`: one line per frame written (in
 * frame order), the 3×4 pose of camera 0 of that frame in camera 0 of the first frame written,
 * `C₀⁻¹·Cᵢ` with `Cᵢ = Lᵢ·Tr⁻¹` (`Lᵢ` the LiDAR → world pose of the simulation, `Tr` the
 * calibration's `Tr_velo_to_cam`), values in `%.9e`. A reader that applies the odometry
 * convention with the same `Tr` (`parseKittiOdometryPoses(..., { veloToCam })`) gets
 * `L₀⁻¹·Lᵢ`: LiDAR poses in the first frame's LiDAR frame.
 */
export function samplePosesText(lidarToWorld: readonly RigidZ[], calib: KittiCalib): string {
  if (lidarToWorld.length === 0) return '';
  const tr = mat4From3x4(calib.Tr_velo_to_cam);
  const trInv = invertAffine(tr);
  if (trInv === null) throw new Error('samplePosesText: Tr_velo_to_cam is singular');
  const cams = lidarToWorld.map((p) => composeRigid(rigidFromYaw(p.yaw, [p.tx, p.ty, p.tz]), trInv));
  const firstInv = invertRigid(cams[0]);
  return `${cams.map((c) => formatPoseLine(composeRigid(firstInv, c))).join('\n')}\n`;
}
