import type { Cuboid, Vec3 } from '../types.ts';
import { meanSize } from './interpolateTrack.ts';
import { isKeyframe } from './trackAttributes.ts';
import type { FrameBoxes } from './tracks.ts';

export interface LockTrackSizeResult<T extends FrameBoxes> {
  /** The frames with the track's boxes resized (frames and boxes that did not change are the same objects). */
  frames: T[];
  /** The size applied ([l, w, h], metres), or null when the track has no box. */
  size: Vec3 | null;
  /** Ids of the frames whose boxes changed. */
  changedFrameIds: string[];
}

/**
 * The size a track is locked to: the mean of its keyframes' sizes, or of all its boxes when it
 * has no keyframe; null when it has no box. Metres, [length, width, height].
 */
export function trackSize(frames: readonly FrameBoxes[], trackId: string): Vec3 | null {
  const boxes = frames.flatMap((f) => f.cuboids.filter((c) => c.trackId === trackId));
  if (boxes.length === 0) return null;
  const keys = boxes.filter(isKeyframe);
  return meanSize((keys.length > 0 ? keys : boxes).map((c) => c.size));
}

/**
 * "Lock size across track": gives every box of track `trackId` one size, `size` or by default
 * `trackSize` (mean of the keyframes, else of all boxes). Each box keeps its centre in x and y,
 * its heading and its bottom (z − h/2, the ground it stands on); its height grows or shrinks
 * upward. A geometric change drops a box's `kitti2d` (as `updateCuboid` does).
 */
export function lockTrackSize<T extends FrameBoxes>(frames: readonly T[], trackId: string, size?: Vec3): LockTrackSizeResult<T> {
  const target = size ?? trackSize(frames, trackId);
  if (target === null) return { frames: [...frames], size: null, changedFrameIds: [] };
  const changedFrameIds: string[] = [];
  const out = frames.map((frame) => {
    let changed = false;
    const cuboids = frame.cuboids.map((c) => {
      if (c.trackId !== trackId) return c;
      const next = resized(c, target);
      if (next !== c) changed = true;
      return next;
    });
    if (!changed) return frame;
    changedFrameIds.push(frame.frameId);
    return { ...frame, cuboids } as T;
  });
  return { frames: out, size: target, changedFrameIds };
}

function resized(c: Cuboid, size: Vec3): Cuboid {
  if (c.size[0] === size[0] && c.size[1] === size[1] && c.size[2] === size[2]) return c;
  const bottom = c.center[2] - c.size[2] / 2;
  const next: Cuboid = { ...c, size: [size[0], size[1], size[2]], center: [c.center[0], c.center[1], bottom + size[2] / 2] };
  delete next.kitti2d;
  return next;
}
