/**
 * An ego pose: the rigid transform that takes a point from one frame's LiDAR frame into the
 * sequence's world frame (`p_world = pose · [x y z 1]`). A plain row-major 4×4 `number[]` of 16
 * float64 values (the last row `0 0 0 1`), metres, like the KITTI calib matrices (`kitti/mat4`).
 *
 * The world frame depends on where the poses came from (see the README's "Ego poses"): KITTI
 * odometry `poses.txt` and KITTI tracking `oxts` are re-anchored so that the world is the LiDAR
 * frame of the sequence's first frame (z up); nuScenes poses go to its global frame (z up,
 * `ego_pose · calibrated_sensor`). Only poses of one sequence may be combined.
 */
export type Pose = readonly number[];

/** The pose that moves nothing (row-major 4×4 identity). */
export const IDENTITY_POSE: Pose = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

/** A frame's pose and the sequence it belongs to (poses of different sequences share no world). */
export interface FramePose {
  /** The sequence (KITTI tracking: `0003`; nuScenes: the scene token; a KITTI odometry folder: ''). */
  sequence: string;
  /** LiDAR → world, see `Pose`. */
  pose: Pose;
}

/** `GET /api/poses`: every frame that has a pose, by frame id. */
export interface PosesResponse {
  frames: Record<string, FramePose>;
  /** Why poses the dataset has could not be used (the file, line and field), when that happened. */
  warnings?: string[];
}
