import type { Pose } from '../../poses/Pose.ts';
import type { Cuboid } from '../../types.ts';
import type { KittiObject } from '../../kitti/KittiObject.ts';

/**
 * One frame as the label formats see it: its boxes (LiDAR frame: centre, `[l, w, h]`, yaw about
 * +z from +x; metres, radians), its KITTI DontCare regions, and where it sits in time and space.
 */
export interface LabelFrame {
  frameId: string;
  cuboids: readonly Cuboid[];
  dontCare: readonly KittiObject[];
  /** LiDAR → world (row-major 4×4, metres) when the dataset has ego poses, else null. */
  pose: Pose | null;
  /** The sequence the pose belongs to ('' when there is one sequence). */
  sequence: string;
  /** Capture time in seconds when known, else null. */
  timestamp: number | null;
}

/** A box read back from a label file, in the LiDAR frame of `frameId`. */
export interface ImportedFrame {
  frameId: string;
  cuboids: Cuboid[];
  dontCare: KittiObject[];
}
