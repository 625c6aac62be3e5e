import type { CuboidShape } from '../geometry/CuboidShape.ts';
import type { FramePose } from './Pose.ts';
import { lidarToLidar, transformBox } from './worldTransforms.ts';

/** One frame's boxes of a track, in that frame's own LiDAR frame (metres, yaw radians). */
export interface TrackFrameBoxes<T extends CuboidShape> {
  frameId: string;
  boxes: readonly T[];
}

/** A track's boxes placed in the open frame's view, and how they were placed. */
export interface TrackInFrame<T extends CuboidShape> {
  /** Every box, in the open frame's LiDAR frame when `frame` = 'world', else in its own frame's. */
  boxes: { frameId: string; box: T }[];
  /**
   * 'world': through the ego poses (`target⁻¹ · pose`), so a parked car is one place while the ego
   * moves; 'sensor': as stored in each frame (no pose for the open frame, or none at all).
   */
  frame: 'world' | 'sensor';
  /** Frames left out because they have no pose or one of another sequence (only when `frame` = 'world'). */
  skipped: string[];
}

/**
 * A track's boxes of every frame in the open frame's LiDAR frame, moved through the world frame by
 * the ego poses (LiDAR → world, `poses` by frame id). The open frame's LiDAR frame is the world seen
 * from the open frame: coordinates stay small and match its points and the merged sweeps. Boxes of
 * frames without a pose (or of another sequence) are left out and named in `skipped`. Without a pose
 * for the open frame the boxes stay as stored, each in its own frame's sensor frame.
 */
export function trackInFrame<T extends CuboidShape>(
  frames: readonly TrackFrameBoxes<T>[],
  targetFrameId: string,
  poses: Readonly<Record<string, FramePose>> | null,
): TrackInFrame<T> {
  const target = poses?.[targetFrameId];
  if (!poses || !target) {
    return { boxes: frames.flatMap((f) => f.boxes.map((box) => ({ frameId: f.frameId, box }))), frame: 'sensor', skipped: [] };
  }
  const boxes: { frameId: string; box: T }[] = [];
  const skipped: string[] = [];
  for (const f of frames) {
    const p = poses[f.frameId];
    if (!p || p.sequence !== target.sequence) {
      if (f.boxes.length > 0) skipped.push(f.frameId);
      continue;
    }
    const m = f.frameId === targetFrameId ? null : lidarToLidar(p.pose, target.pose);
    for (const box of f.boxes) boxes.push({ frameId: f.frameId, box: m ? transformBox(box, m) : box });
  }
  return { boxes, frame: 'world', skipped };
}
