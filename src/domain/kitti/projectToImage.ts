import type { Cuboid } from '../types.ts';
import type { KittiCalib } from './KittiCalib.ts';
import { cuboidCameraBox } from './cuboidCameraBox.ts';
import { MIN_CAMERA_DEPTH, isVisibleInCamera } from './isVisibleInCamera.ts';
import { kittiBoxCorners } from './kittiBoxCorners.ts';
import { multiply3x4Mat4, transformPoint } from './mat4.ts';

/**
 * Projects LiDAR points into image 2 with `P2 · velo2rect`.
 *
 * @param positions x y z interleaved, LiDAR frame, metres (length `3·n`)
 * @returns `u v depth` interleaved per point (length `3·n`): pixels (0-based) and the third
 *   projected component (≈ rectified z, metres). `u` and `v` are NaN for points with
 *   depth ≤ 0.1 m (behind or at the camera); NaN inputs give NaN outputs.
 */
export function projectLidarPoints(positions: Float32Array, calib: KittiCalib): Float32Array {
  const m = multiply3x4Mat4(calib.P2, calib.velo2rect);
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11] = m;
  const count = Math.floor(positions.length / 3);
  const out = new Float32Array(count * 3);
  for (let i = 0, k = 0; i < count; i++, k += 3) {
    const x = positions[k];
    const y = positions[k + 1];
    const z = positions[k + 2];
    const depth = m8 * x + m9 * y + m10 * z + m11;
    out[k + 2] = depth;
    if (depth > MIN_CAMERA_DEPTH) {
      out[k] = (m0 * x + m1 * y + m2 * z + m3) / depth;
      out[k + 1] = (m4 * x + m5 * y + m6 * z + m7) / depth;
    } else {
      out[k] = NaN;
      out[k + 1] = NaN;
    }
  }
  return out;
}

/** The image-2 projection of a cuboid's 8 corners. */
export interface ProjectedCuboid {
  /** `[u, v]` in pixels for the 8 corners, in the devkit order (0–3 bottom, 4–7 top face). */
  corners: [number, number][];
  /** Third projected component per corner (≈ rectified z, metres). */
  depths: number[];
  /**
   * Every corner at rectified z ≥ 0.1 m, and (when `imageSize` is given) the unclipped 2D box
   * overlaps the image: the same test as `isVisibleInCamera` and the KITTI export.
   */
  visible: boolean;
}

/**
 * Projects a LiDAR-frame cuboid into image 2 with the same math as the KITTI export (§2.4/§2.5):
 * its camera-frame corners through P2, dividing by the third component. Corners behind the camera
 * still get (meaningless) `u v`; check `visible` before drawing.
 *
 * @param imageSize `[width, height]` in pixels; without it `visible` only checks depth
 */
export function projectCuboid(cuboid: Cuboid, calib: KittiCalib, imageSize?: [number, number]): ProjectedCuboid {
  const box = cuboidCameraBox(cuboid, calib);
  const rectCorners = kittiBoxCorners(box.location, box.dimensions, box.rotationY);
  const corners: [number, number][] = [];
  const depths: number[] = [];
  for (const [x, y, z] of rectCorners) {
    const [p0, p1, p2] = transformPoint(calib.P2, x, y, z);
    corners.push([p0 / p2, p1 / p2]);
    depths.push(p2);
  }
  const visible = imageSize !== undefined ? isVisibleInCamera(rectCorners, calib, imageSize) : rectCorners.every((c) => c[2] >= MIN_CAMERA_DEPTH);
  return { corners, depths, visible };
}
