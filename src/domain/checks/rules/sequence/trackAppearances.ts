import type { Cuboid } from '../../../types.ts';
import type { SequenceContext } from '../../SequenceContext.ts';

/** One box of a track in one frame, with its time and (when the frame has a pose) world pose. */
export interface Appearance {
  frameIndex: number;
  frameId: string;
  cuboid: Cuboid;
  /** Seconds: the frame's time, else frame index × `settings.frameInterval`. */
  time: number;
  /** Centre x, y and yaw in the world frame when the frame has a pose, else in the LiDAR frame. */
  x: number;
  y: number;
  yaw: number;
  /** Whether x, y, yaw are in the world frame. */
  world: boolean;
}

/**
 * The boxes of every track (non-null `trackId`), grouped by track in frame order. A track that
 * appears twice in one frame keeps both (the duplicate rule reports that).
 */
export function trackAppearances(ctx: SequenceContext): Map<string, Appearance[]> {
  const tracks = new Map<string, Appearance[]>();
  const interval = ctx.dictionary.settings.frameInterval;
  ctx.frames.forEach((frame, frameIndex) => {
    const time = frame.time ?? frameIndex * interval;
    const pose = frame.pose;
    for (const cuboid of frame.cuboids) {
      if (cuboid.trackId === null || cuboid.trackId === '') continue;
      let x = cuboid.center[0];
      let y = cuboid.center[1];
      let yaw = cuboid.yaw;
      if (pose !== undefined) {
        const c = Math.cos(pose.yaw);
        const s = Math.sin(pose.yaw);
        x = pose.x + c * cuboid.center[0] - s * cuboid.center[1];
        y = pose.y + s * cuboid.center[0] + c * cuboid.center[1];
        yaw = cuboid.yaw + pose.yaw;
      }
      const list = tracks.get(cuboid.trackId) ?? [];
      list.push({ frameIndex, frameId: frame.frameId, cuboid, time, x, y, yaw, world: pose !== undefined });
      tracks.set(cuboid.trackId, list);
    }
  });
  return tracks;
}

/** Angle difference b − a wrapped to (−π, π], radians. */
export function angleDiff(a: number, b: number): number {
  let d = (b - a) % (2 * Math.PI);
  if (d <= -Math.PI) d += 2 * Math.PI;
  if (d > Math.PI) d -= 2 * Math.PI;
  return d;
}
