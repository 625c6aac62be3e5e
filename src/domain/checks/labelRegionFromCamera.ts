import type { KittiCalib } from '../kitti/KittiCalib.ts';
import type { LabelRegion } from './CheckContext.ts';

/**
 * The part of a KITTI scan that the labels cover: the horizontal field of view of camera 2 as
 * an azimuth wedge in the LiDAR frame, minus the wedges of the DontCare image boxes. Objects
 * outside it are not labelled in KITTI, so they are no missed objects.
 *
 * @param imageWidth width of `image_2` in pixels (varies per frame; 1242 typical)
 * @param dontCare DontCare image boxes `[left, top, right, bottom]` in pixels
 * @returns undefined for a synthetic (no-camera) calibration: everything is annotated
 */
export function labelRegionFromCamera(calib: KittiCalib, imageWidth: number, dontCare: readonly (readonly number[])[] = []): LabelRegion | undefined {
  if (calib.synthetic) return undefined;
  const azimuthOf = (u: number): number => columnAzimuth(calib, u);
  return {
    // Image x grows to the right, which is clockwise seen from above: the wedge runs CCW from the
    // right edge to the left edge.
    azimuth: [azimuthOf(imageWidth - 1), azimuthOf(0)],
    ignoreAzimuths: dontCare.map((b) => [azimuthOf(b[2]), azimuthOf(b[0])] as [number, number]),
  };
}

/** Azimuth (radians, LiDAR frame) of the viewing ray through image column `u` at the horizon. */
function columnAzimuth(calib: KittiCalib, u: number): number {
  const fx = calib.P2[0];
  const cx = calib.P2[2];
  // Ray in rectified camera 0 (x right, y down, z forward); P2's small baseline offset is ignored.
  const rx = (u - cx) / fx;
  const rz = 1;
  const m = calib.rect2velo;
  const vx = m[0] * rx + m[2] * rz;
  const vy = m[4] * rx + m[6] * rz;
  return Math.atan2(vy, vx);
}
