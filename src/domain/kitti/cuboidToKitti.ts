import type { Cuboid } from '../types.ts';
import type { KittiCalib } from './KittiCalib.ts';
import type { KittiObject } from './KittiObject.ts';
import { cuboidCameraBox } from './cuboidCameraBox.ts';
import type { CameraBox } from './cuboidCameraBox.ts';
import { calibOrSynthetic } from './defaultCalib.ts';
import { overlapsImage, projectedBounds } from './isVisibleInCamera.ts';
import { kittiBoxCorners } from './kittiBoxCorners.ts';
import { wrapAngle } from './wrapAngle.ts';

export { isVisibleInCamera } from './isVisibleInCamera.ts';

export interface CuboidToKittiOptions {
  /** `[width, height]` of image 2 in pixels, for clipping the 2D box; default 1242×375. */
  imageSize?: [number, number];
  /**
   * Which observation-angle formula to use (§2.6). `'lidar'` (default):
   * `wrap(ry + atan2(cy, cx))` from the LiDAR centre, which matches official GT best;
   * `'camera'`: the devkit's `wrap(ry − atan2(x, z))` from the camera location.
   */
  alpha?: 'lidar' | 'camera';
}

/**
 * Converts a LiDAR-frame cuboid (geometric centre, `[l, w, h]`, yaw about +z; metres, radians) to a
 * KITTI label object in rectified camera 0 (§2.5):
 * - `location` = `velo2rect · (cx, cy, cz − h/2)`, `dimensions` = `[h, w, l]`,
 *   `rotationY` = wrap(−yaw − π/2) into [−π, π);
 * - `alpha` by `opts.alpha` (default the LiDAR formula), wrapped into [−π, π);
 * - `bbox`: the 8 corners (§2.4) projected with P2 (divided by the third component), min/max,
 *   clipped to `[0, W−1] × [0, H−1]`. When the box is not visible in camera 2
 *   (`isVisibleInCamera` false: a corner closer than 0.1 m or behind, or entirely outside the image)
 *   the bbox is `0 0 0 0`; callers decide whether to drop such boxes;
 * - `truncated` from `cuboid.attributes` (default 0), raised to how much of the 2D box the image
 *   clips off (1 when not visible in camera 2), as KITTI defines it; `occluded` from
 *   `cuboid.attributes` (default 0), `score` from `cuboid.score`,
 *   `type` from `cuboid.label`.
 *
 * When `cuboid.kitti2d` is present (an unchanged imported box), its `alpha` and `bbox` are used
 * verbatim so the original line is reproduced. With `calib === null` (or a synthetic calib) the
 * §2.8.3 axis convention is used and the bbox is `0 0 0 0`.
 */
export function cuboidToKitti(cuboid: Cuboid, calib: KittiCalib | null, opts: CuboidToKittiOptions = {}): KittiObject {
  const c = calibOrSynthetic(calib);
  const box = cuboidCameraBox(cuboid, c);
  const [x, , z] = box.location;
  let alpha: number;
  let bbox: [number, number, number, number];
  let truncated = cuboid.attributes?.truncated ?? 0;
  if (cuboid.kitti2d !== undefined) {
    alpha = cuboid.kitti2d.alpha;
    bbox = [...cuboid.kitti2d.bbox];
  } else {
    alpha = opts.alpha === 'camera' ? wrapAngle(box.rotationY - Math.atan2(x, z)) : wrapAngle(box.rotationY + Math.atan2(cuboid.center[1], cuboid.center[0]));
    if (c.synthetic === true) bbox = [0, 0, 0, 0];
    else {
      const image = imageBox(box, c, opts.imageSize ?? [1242, 375]);
      bbox = image.bbox;
      // KITTI's truncation is how much of the object leaves the image: 1 outside camera 2.
      truncated = Math.max(truncated, image.truncated);
    }
  }
  const object: KittiObject = {
    type: cuboid.label,
    truncated,
    occluded: cuboid.attributes?.occluded ?? 0,
    alpha,
    bbox,
    dimensions: box.dimensions,
    location: box.location,
    rotationY: box.rotationY,
  };
  if (cuboid.score !== undefined) object.score = cuboid.score;
  return object;
}

/** The clipped 2D box in camera 2 (`0 0 0 0` when not seen) and the share of the unclipped box the clip cuts off (1 when not seen), to 2 decimals. */
function imageBox(box: CameraBox, calib: KittiCalib, imageSize: readonly [number, number]): { bbox: [number, number, number, number]; truncated: number } {
  const corners = kittiBoxCorners(box.location, box.dimensions, box.rotationY);
  const raw = projectedBounds(corners, calib.P2);
  if (raw === null || !overlapsImage(raw, imageSize)) return { bbox: [0, 0, 0, 0], truncated: 1 };
  const maxU = imageSize[0] - 1;
  const maxV = imageSize[1] - 1;
  const bbox: [number, number, number, number] = [clamp(raw[0], 0, maxU), clamp(raw[1], 0, maxV), clamp(raw[2], 0, maxU), clamp(raw[3], 0, maxV)];
  const area = (raw[2] - raw[0]) * (raw[3] - raw[1]);
  const kept = (bbox[2] - bbox[0]) * (bbox[3] - bbox[1]);
  return { bbox, truncated: area > 0 ? Math.round(100 * Math.max(0, 1 - kept / area)) / 100 : 0 };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
