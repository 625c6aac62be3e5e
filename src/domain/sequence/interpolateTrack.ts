import type { Vec3 } from '../types.ts';
import type { CuboidShape } from '../geometry/CuboidShape.ts';
import { normalizeYaw } from '../document/cuboidOps.ts';
import { yawDelta } from './predictBox.ts';

/** A box of a track at a frame, by the frame's position in the sequence (0-based). */
export interface TrackKeyframe {
  /** Position of the frame in the sequence (any integers; only their order and gaps matter). */
  index: number;
  /** LiDAR frame of that frame: metres, yaw in radians about +z. */
  box: CuboidShape;
}

/**
 * How the in-between boxes are sized:
 * - 'lock' (default): every in-between box gets the track size, the mean of the two keyframes'
 *   sizes (equal to both when the track's size is already locked); see `lockTrackSize`;
 * - 'interpolate': each side interpolated linearly between the keyframes.
 */
export type InterpolationSizeMode = 'lock' | 'interpolate';

export interface InterpolateTrackOptions {
  size?: InterpolationSizeMode;
}

export interface InterpolatedBox {
  index: number;
  box: CuboidShape;
}

/**
 * The boxes of a track for every frame strictly between two keyframes `a` and `b`
 * (`a.index < b.index`, in any order of arguments), in frame order.
 *
 * - centre: linear in the frame index (each frame's own LiDAR frame is taken as is: with ego
 *   motion, this is exact when the object and the ego both move at constant velocity);
 * - yaw: along the shortest angular path from a to b (|turn| ≤ π), so it crosses ±π without a
 *   spin and never flips; the result is normalised to (−π, π]. When the keyframes' headings
 *   differ by exactly π the path is ambiguous and the positive turn is taken: such a track has
 *   one keyframe flipped, which the annotator should fix;
 * - size: the track size (mean of the keyframes) by default, or linear with `size: 'interpolate'`.
 *
 * Returns [] when the keyframes are adjacent or share a frame.
 */
export function interpolateTrack(a: TrackKeyframe, b: TrackKeyframe, opts: InterpolateTrackOptions = {}): InterpolatedBox[] {
  const [first, last] = a.index <= b.index ? [a, b] : [b, a];
  const span = last.index - first.index;
  if (!(span > 1)) return [];
  const turn = yawDelta(first.box.yaw, last.box.yaw);
  const locked = meanSize([first.box.size, last.box.size]);
  const out: InterpolatedBox[] = [];
  for (let index = Math.floor(first.index) + 1; index < last.index; index++) {
    const t = (index - first.index) / span;
    const size: Vec3 = opts.size === 'interpolate' ? lerp3(first.box.size, last.box.size, t) : locked;
    out.push({
      index,
      box: {
        center: lerp3(first.box.center, last.box.center, t),
        size,
        yaw: normalizeYaw(first.box.yaw + t * turn),
      },
    });
  }
  return out;
}

/** The component-wise mean of sizes ([l, w, h], metres); throws on an empty list. */
export function meanSize(sizes: readonly Vec3[]): Vec3 {
  if (sizes.length === 0) throw new Error('interpolateTrack.meanSize: no sizes');
  let l = 0;
  let w = 0;
  let h = 0;
  for (const s of sizes) {
    l += s[0];
    w += s[1];
    h += s[2];
  }
  const n = sizes.length;
  return [l / n, w / n, h / n];
}

function lerp3(a: Vec3, b: Vec3, t: number): Vec3 {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}
