import type { Cuboid } from '../types.ts';
import type { KittiCalib } from './KittiCalib.ts';
import { radians } from '../units/angles.ts';
import { lidarPoint, lidarToCamera, yawToRotationY } from '../units/frames.ts';

/** A box in KITTI's camera form: what a label line stores in columns 9–15. */
export interface CameraBox {
  /** Bottom-face centre, rectified camera 0, metres. */
  location: [number, number, number];
  /** `[h, w, l]`, metres (file order). */
  dimensions: [number, number, number];
  /** Yaw about camera y, radians, [−π, π). */
  rotationY: number;
}

/**
 * A LiDAR-frame cuboid in KITTI's camera form (§2.5 steps 1–4): the bottom centre
 * `(cx, cy, cz − h/2)` goes through `velo2rect`; dimensions become `h w l`;
 * `rotation_y = wrap(−yaw − π/2)` into [−π, π).
 */
export function cuboidCameraBox(cuboid: Cuboid, calib: KittiCalib): CameraBox {
  const [cx, cy, cz] = cuboid.center;
  const [l, w, h] = cuboid.size;
  const bottom = lidarToCamera(lidarPoint(cx, cy, cz - h / 2), calib);
  return {
    location: [bottom[0], bottom[1], bottom[2]],
    dimensions: [h, w, l],
    rotationY: yawToRotationY(radians(cuboid.yaw)),
  };
}
