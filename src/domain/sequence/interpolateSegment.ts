import type { Pose } from '../poses/Pose.ts';
import { lidarBoxToWorld, worldBoxToLidar } from '../poses/worldTransforms.ts';
import { interpolateTrack, type InterpolatedBox, type InterpolateTrackOptions, type TrackKeyframe } from './interpolateTrack.ts';

/**
 * The in-between boxes of one keyframe pair, each in its own frame's LiDAR frame.
 *
 * With `poses` (LiDAR → world per frame index, all of one sequence) holding a pose for both
 * keyframes and every frame between, the keyframes are taken to the world frame, interpolated
 * there (`interpolateTrack`: centre linear, yaw along the shortest turn) and each result is taken
 * back into its frame's LiDAR frame: a parked car stays where it is while the ego moves, whatever
 * the ego's speed or turn. Without them (or when one is missing), `interpolateTrack` in the
 * sensor frames as they are (exact only when object and ego both move at constant velocity).
 */
export function interpolateSegment(
  a: TrackKeyframe,
  b: TrackKeyframe,
  opts: InterpolateTrackOptions = {},
  poses?: readonly (Pose | null | undefined)[],
): InterpolatedBox[] {
  const [lo, hi] = a.index <= b.index ? [a.index, b.index] : [b.index, a.index];
  let inWorld = poses !== undefined;
  for (let i = lo; inWorld && i <= hi; i++) if (poses?.[i] == null) inWorld = false;
  if (!inWorld || poses === undefined) return interpolateTrack(a, b, opts);
  const world = (k: TrackKeyframe): TrackKeyframe => ({ index: k.index, box: lidarBoxToWorld(k.box, poses[k.index] as Pose) });
  return interpolateTrack(world(a), world(b), opts).map(({ index, box }) => ({ index, box: worldBoxToLidar(box, poses[index] as Pose) }));
}
