import type { KittiCalib } from '../kitti/KittiCalib.ts';
import type { CameraProjection } from './CameraProjection.ts';

/** A KITTI camera: its index (the `P_i` of the calib), image folder and what it records. */
export interface KittiCameraSpec {
  index: 0 | 1 | 2 | 3;
  /** The object-detection folder (`image_2`); KITTI tracking uses `image_02/SEQ`. */
  folder: string;
  trackingFolder: string;
  calibKey: 'P0' | 'P1' | 'P2' | 'P3';
  /** False for the grey cameras 0 and 1. */
  colour: boolean;
  label: string;
}

/** The four cameras of the KITTI rig (KITTI devkit readme; FORMATS.md §2.3): 0/1 grey, 2/3 colour, left then right. */
export const KITTI_CAMERAS: readonly KittiCameraSpec[] = [
  { index: 0, folder: 'image_0', trackingFolder: 'image_00', calibKey: 'P0', colour: false, label: 'Camera 0 (left grey)' },
  { index: 1, folder: 'image_1', trackingFolder: 'image_01', calibKey: 'P1', colour: false, label: 'Camera 1 (right grey)' },
  { index: 2, folder: 'image_2', trackingFolder: 'image_02', calibKey: 'P2', colour: true, label: 'Camera 2 (left colour)' },
  { index: 3, folder: 'image_3', trackingFolder: 'image_03', calibKey: 'P3', colour: true, label: 'Camera 3 (right colour)' },
];

/**
 * Camera i of a KITTI calib: `P_i` after `velo2rect` (every `P_i` starts from rectified camera 0,
 * so the cameras share `R0_rect` and `Tr_velo_to_cam`), or null when the calib has no `P_i`.
 */
export function kittiCameraProjection(calib: KittiCalib, camera: KittiCameraSpec): CameraProjection | null {
  const P = calib[camera.calibKey];
  if (P === undefined) return null;
  return { P: [...P], lidarToCamera: [...calib.velo2rect] };
}

/**
 * The horizontal baseline of camera i from camera 0, metres, from its `P_i = K·[I | t]`:
 * `t_x = P_i[0,3] / f_x` (negative for a camera right of camera 0: KITTI's camera 3 ≈ −0.54 m
 * relative to camera 2).
 */
export function kittiCameraOffsetX(P: readonly number[]): number {
  return P[3] / P[0];
}
