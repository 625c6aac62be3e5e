import type { Vec3 } from '../types.ts';
import type { KittiCalib } from './KittiCalib.ts';
import type { KittiObject } from './KittiObject.ts';
import { kittiBoxCorners } from './kittiBoxCorners.ts';
import { transformPoint } from './mat4.ts';

/** Corners closer than this to the camera plane (rectified z, metres) make a box invisible (devkit). */
export const MIN_CAMERA_DEPTH = 0.1;

/**
 * Whether a box can be seen by camera 2 (§2.5 step 6): every corner has rectified z ≥ 0.1 m and the
 * unclipped projected 2D box overlaps the image (not `x1 ≥ W`, `y1 ≥ H`, `x2 ≤ 0` or `y2 ≤ 0`,
 * mmdet3d's filter). A KITTI export either drops invisible boxes or flags them.
 *
 * @param box a KITTI object (camera frame) or its 8 corners in rectified camera 0, metres
 * @param imageSize `[width, height]` of image 2 in pixels; default 1242×375
 */
export function isVisibleInCamera(box: KittiObject | readonly Vec3[], calib: KittiCalib, imageSize: readonly [number, number] = [1242, 375]): boolean {
  const corners = isCornerList(box) ? box : kittiBoxCorners(box.location, box.dimensions, box.rotationY);
  const raw = projectedBounds(corners, calib.P2);
  return raw !== null && overlapsImage(raw, imageSize);
}

/** Whether unclipped 2D bounds `[x1, y1, x2, y2]` (pixels) overlap a `[width, height]` image. */
export function overlapsImage(bounds: readonly [number, number, number, number], imageSize: readonly [number, number]): boolean {
  const [x1, y1, x2, y2] = bounds;
  const [width, height] = imageSize;
  return !(x1 >= width || y1 >= height || x2 <= 0 || y2 <= 0);
}

/**
 * Unclipped 2D bounds `[minU, minV, maxU, maxV]` (pixels) of rectified-camera points projected with
 * a 3×4 `P` (dividing by the third projected component), or `null` when any point has rectified
 * z < 0.1 m (or a non-finite projection).
 */
export function projectedBounds(corners: readonly Vec3[], P: readonly number[]): [number, number, number, number] | null {
  let minU = Infinity;
  let minV = Infinity;
  let maxU = -Infinity;
  let maxV = -Infinity;
  for (const [x, y, z] of corners) {
    if (!(z >= MIN_CAMERA_DEPTH)) return null;
    const [p0, p1, p2] = transformPoint(P, x, y, z);
    const u = p0 / p2;
    const v = p1 / p2;
    if (!Number.isFinite(u) || !Number.isFinite(v)) return null;
    minU = Math.min(minU, u);
    minV = Math.min(minV, v);
    maxU = Math.max(maxU, u);
    maxV = Math.max(maxV, v);
  }
  return corners.length === 0 ? null : [minU, minV, maxU, maxV];
}

function isCornerList(box: KittiObject | readonly Vec3[]): box is readonly Vec3[] {
  return Array.isArray(box);
}
