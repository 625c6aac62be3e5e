import type { Cuboid } from '../types.ts';
import { carryCuboid } from './carryCuboid.ts';
import { interpolateSegment } from './interpolateSegment.ts';
import type { Pose } from '../poses/Pose.ts';
import type { InterpolationSizeMode } from './interpolateTrack.ts';
import { isKeyframe } from './trackAttributes.ts';
import { findTrackBox, nearestKeyframes } from './tracks.ts';
import type { FrameBoxes } from './tracks.ts';

export interface InterpolationUpdate {
  frameId: string;
  /** Position of the frame in `frames`. */
  index: number;
  /** The new box of the track there (the id of the track's box already there is kept). */
  cuboid: Cuboid;
}

export interface InterpolationPlan {
  /** The keyframe pairs interpolated between, as frame indices. */
  segments: [number, number][];
  /** One box per frame strictly between the keyframes of each segment. */
  updates: InterpolationUpdate[];
}

/**
 * What interpolating track `trackId` around the frame at `index` writes. `frames`: the
 * sequence's boxes in order (each in its own LiDAR frame). The segments are:
 * - the frame is a keyframe of the track: from the track's previous keyframe to it, and from it
 *   to the next keyframe (each where it exists);
 * - otherwise: from the previous keyframe to the next one (both must exist).
 * Every frame strictly inside a segment gets the interpolated box (see `interpolateTrack`;
 * `size` 'lock' by default), with the first keyframe's label and attributes, `source` 'manual'
 * (it is derived from the annotator's keyframes only), not a keyframe and not marked for
 * attention. A box of the track already there is replaced, keeping its id.
 * With `opts.poses` (LiDAR → world per entry of `frames`, null where unknown) a segment whose
 * frames all have poses is interpolated in the world frame (`interpolateSegment`).
 */
export function planInterpolation(
  frames: readonly FrameBoxes[],
  trackId: string,
  index: number,
  opts: { size?: InterpolationSizeMode; poses?: readonly (Pose | null)[] } = {},
): InterpolationPlan {
  const here = frames[index] ? findTrackBox(frames[index], trackId) : undefined;
  const { before, after } = nearestKeyframes(frames, trackId, index);
  const pairs: [{ index: number; box: Cuboid }, { index: number; box: Cuboid }][] = [];
  if (here && isKeyframe(here)) {
    const self = { index, box: here };
    if (before) pairs.push([before, self]);
    if (after) pairs.push([self, after]);
  } else if (before && after) {
    pairs.push([before, after]);
  }
  const updates: InterpolationUpdate[] = [];
  for (const [a, b] of pairs) {
    for (const { index: i, box } of interpolateSegment(a, b, opts.size !== undefined ? { size: opts.size } : {}, opts.poses)) {
      const frame = frames[i];
      if (!frame) continue;
      const existing = findTrackBox(frame, trackId);
      updates.push({ frameId: frame.frameId, index: i, cuboid: carryCuboid(a.box, box, { existing, source: 'manual' }) });
    }
  }
  return { segments: pairs.map(([a, b]) => [a.index, b.index]), updates };
}
