import type { KittiCalib } from '../kitti/KittiCalib.ts';
import { createKittiCalib } from '../kitti/createKittiCalib.ts';

/**
 * How a camera sees the LiDAR frame: `lidarToCamera` (4×4 row-major, metres) takes LiDAR points
 * into the camera's frame (x right, y down, z forward; for KITTI the rectified camera-0 frame
 * every `P_i` starts from), and `P` (3×4 row-major) takes that frame to pixels (0-based):
 * `(p0, p1, p2) = P · lidarToCamera · [x y z 1]`, `u = p0/p2`, `v = p1/p2`.
 */
export interface CameraProjection {
  P: number[];
  lidarToCamera: number[];
}

const IDENTITY_3X3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/**
 * A `KittiCalib` that projects into this camera: its `P2` is the camera's `P` and its
 * `velo2rect` is `lidarToCamera`, so every image-2 projection of the app (`projectLidarPoints`,
 * `projectCuboidEdges`, the worker's point projection) draws into this camera instead. For a
 * KITTI camera i this is the frame's calib with `P2` replaced by `P_i` (same `velo2rect`).
 * @throws KittiError when a matrix has the wrong size, a value is not finite or `lidarToCamera` is singular
 */
export function cameraCalib(camera: CameraProjection): KittiCalib {
  const m = camera.lidarToCamera;
  if (!Array.isArray(m) || m.length !== 16) throw new Error(`cameraCalib: lidarToCamera must have 16 values, got ${Array.isArray(m) ? m.length : typeof m}`);
  return createKittiCalib({ P2: camera.P, R0_rect: IDENTITY_3X3, Tr_velo_to_cam: m.slice(0, 12) });
}
