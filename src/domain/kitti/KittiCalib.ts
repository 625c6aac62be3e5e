/**
 * A KITTI calibration (`calib/NNNNNN.txt`, §2.3 of FORMATS.md). Every matrix is a plain row-major
 * `number[]` in float64.
 *
 * Frames: `Tr_velo_to_cam` maps LiDAR → unrectified camera 0; `R0_rect` rectifies camera 0; `P_i`
 * project rectified camera 0 → image i (pixels, 0-based). Labels live in rectified camera 0.
 */
export interface KittiCalib {
  /** 3×4 projection, rectified cam 0 → image of camera 2 (left colour; the labels' image). */
  P2: number[];
  /** 3×3 rectifying rotation of camera 0. */
  R0_rect: number[];
  /** 3×4 rigid transform, LiDAR → camera 0 (unrectified). */
  Tr_velo_to_cam: number[];
  P0?: number[];
  P1?: number[];
  P3?: number[];
  /** 3×4 rigid transform, IMU → LiDAR (not needed for labels). */
  Tr_imu_to_velo?: number[];
  /** 4×4 `R0_rect(4×4) · Tr_velo_to_cam(4×4)`: LiDAR → rectified camera 0, metres. */
  velo2rect: number[];
  /** 4×4 general inverse of `velo2rect`: rectified camera 0 → LiDAR, metres. */
  rect2velo: number[];
  /**
   * True for the no-camera axis convention of `syntheticCalib()` (§2.8.3): the 2D fields of labels
   * written with it are meaningless (bbox 0 0 0 0).
   */
  synthetic?: boolean;
}

/** The stored matrices of a calibration, without the derived ones. */
export type KittiCalibMatrices = Omit<KittiCalib, 'velo2rect' | 'rect2velo'>;

/** Number of values of each matrix key, in the order of the official files. */
export const CALIB_KEY_SIZES = {
  P0: 12,
  P1: 12,
  P2: 12,
  P3: 12,
  R0_rect: 9,
  Tr_velo_to_cam: 12,
  Tr_imu_to_velo: 12,
} as const;

export type CalibKey = keyof typeof CALIB_KEY_SIZES;
