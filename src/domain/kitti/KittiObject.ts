/**
 * One line of a KITTI `label_2` file, in file units and frames (§2.2 of FORMATS.md).
 *
 * This camera-frame form exists only inside `domain/kitti`; the rest of the app works with
 * LiDAR-frame `Cuboid`s (see `kittiToCuboid` / `cuboidToKitti`).
 */
export interface KittiObject {
  /** Class name, exact case (`Car`, `Pedestrian`, ..., `DontCare`). */
  type: string;
  /** 0 (fully in the image) .. 1 (leaving it); -1 = invalid (DontCare). */
  truncated: number;
  /** 0 visible, 1 partly occluded, 2 largely occluded, 3 unknown; -1 = invalid (DontCare). */
  occluded: number;
  /** Observation angle in radians, [-π, π]; -10 = invalid. */
  alpha: number;
  /** 2D box in image 2: left, top, right, bottom, 0-based pixels. */
  bbox: [number, number, number, number];
  /** Height, width, length in metres, in file order (h w l). */
  dimensions: [number, number, number];
  /** Centre of the bottom face, rectified camera 0 frame (x right, y down, z forward), metres. */
  location: [number, number, number];
  /** Yaw about camera y in radians, [-π, π]. */
  rotationY: number;
  /** Detection confidence (16th column of result files). */
  score?: number;
}
