import type { Vec3 } from '../types.ts';
import type { KittiCalib } from './KittiCalib.ts';
import type { KittiObject } from './KittiObject.ts';
import { overlapsImage, projectedBounds } from './isVisibleInCamera.ts';
import { transformPoint } from './mat4.ts';

/** Half the height of the region a dismissal stands for, metres: its radius, within [1, 2] m. */
const MIN_HALF_HEIGHT = 1;
const MAX_HALF_HEIGHT = 2;

/**
 * A "not an object" place as a KITTI `DontCare` line: the image box (camera 2, pixels, clipped to
 * `[0, W−1] × [0, H−1]`) of the region it covers, an upright square prism around `location`
 * (LiDAR frame, metres) of half-width `radius` and half-height `radius` clamped to [1, 2] m; every
 * 3D field the devkit's "invalid" placeholder (truncated −1, occluded −1, alpha −10, h w l −1,
 * x y z −1000, rotation_y −10), as KITTI writes DontCare lines.
 *
 * Null when the place is not in the image: no calibration or the synthetic one, part of the region
 * closer than 0.1 m to the camera plane or behind it, or its box entirely outside the image.
 */
export function dismissalToDontCare(
  place: { location: readonly [number, number, number]; radius: number },
  calib: KittiCalib | null,
  imageSize: readonly [number, number] = [1242, 375],
): KittiObject | null {
  if (calib === null || calib.synthetic === true) return null;
  const [x, y, z] = place.location;
  const r = place.radius;
  const h = Math.min(MAX_HALF_HEIGHT, Math.max(MIN_HALF_HEIGHT, r));
  const corners: Vec3[] = [];
  for (const dx of [-r, r]) for (const dy of [-r, r]) for (const dz of [-h, h]) corners.push(transformPoint(calib.velo2rect, x + dx, y + dy, z + dz));
  const raw = projectedBounds(corners, calib.P2);
  if (raw === null || !overlapsImage(raw, imageSize)) return null;
  const maxU = imageSize[0] - 1;
  const maxV = imageSize[1] - 1;
  const clamp = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);
  return {
    type: 'DontCare',
    truncated: -1,
    occluded: -1,
    alpha: -10,
    bbox: [clamp(raw[0], maxU), clamp(raw[1], maxV), clamp(raw[2], maxU), clamp(raw[3], maxV)],
    dimensions: [-1, -1, -1],
    location: [-1000, -1000, -1000],
    rotationY: -10,
  };
}
