import type { KittiCalib } from '../kitti/KittiCalib.ts';
import { transformPoint } from '../kitti/mat4.ts';
import { wrapAngle } from '../kitti/wrapAngle.ts';
import type { Radians } from './angles.ts';

/**
 * Points carry their coordinate frame in the type, so LiDAR and camera coordinates cannot be mixed:
 * going from one to the other takes the calib and a named function.
 */
declare const frame: unique symbol;

/** A point in the LiDAR (velodyne) frame: x forward, y left, z up, metres. */
export type LidarPoint = readonly [number, number, number] & { readonly [frame]: 'lidar' };
/** A point in KITTI's rectified camera-0 frame: x right, y down, z forward, metres. */
export type CameraPoint = readonly [number, number, number] & { readonly [frame]: 'camera' };

/** Declares that `[x, y, z]` is in the LiDAR frame (metres). */
export const lidarPoint = (x: number, y: number, z: number): LidarPoint => [x, y, z] as unknown as LidarPoint;
/** Declares that `[x, y, z]` is in the rectified camera-0 frame (metres). */
export const cameraPoint = (x: number, y: number, z: number): CameraPoint => [x, y, z] as unknown as CameraPoint;

/** LiDAR → rectified camera 0 through the calib's `velo2rect`. */
export function lidarToCamera(p: LidarPoint, calib: Pick<KittiCalib, 'velo2rect'>): CameraPoint {
  return transformPoint(calib.velo2rect, p[0], p[1], p[2]) as unknown as CameraPoint;
}

/** Rectified camera 0 → LiDAR through the calib's `rect2velo`. */
export function cameraToLidar(p: CameraPoint, calib: Pick<KittiCalib, 'rect2velo'>): LidarPoint {
  return transformPoint(calib.rect2velo, p[0], p[1], p[2]) as unknown as LidarPoint;
}

/** A LiDAR yaw (about +z from +x) as KITTI's `rotation_y` (about camera y): wrap(−yaw − π/2) into [−π, π). */
export function yawToRotationY(yaw: Radians): Radians {
  return wrapAngle(-yaw - Math.PI / 2) as Radians;
}

/** KITTI's `rotation_y` as a LiDAR yaw: wrap(−rotation_y − π/2) into [−π, π). */
export function rotationYToYaw(rotationY: Radians): Radians {
  return wrapAngle(-rotationY - Math.PI / 2) as Radians;
}
