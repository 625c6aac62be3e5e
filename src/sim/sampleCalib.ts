import { createKittiCalib } from '../domain/kitti/createKittiCalib.ts';
import type { KittiCalib } from '../domain/kitti/KittiCalib.ts';

/** Rotation matrix (row-major 3×3) Rz(c)·Ry(b)·Rx(a) from small angles in degrees. */
function rotation(aDeg: number, bDeg: number, cDeg: number): number[] {
  const [a, b, c] = [aDeg, bDeg, cDeg].map((d) => (d * Math.PI) / 180);
  const [ca, sa, cb, sb, cc, sc] = [Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b), Math.cos(c), Math.sin(c)];
  return [cc * cb, cc * sb * sa - sc * ca, cc * sb * ca + sc * sa, sc * cb, sc * sb * sa + cc * ca, sc * sb * ca - cc * sa, -sb, cb * sa, cb * ca];
}

function mul3(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) out.push(a[r * 3] * b[c] + a[r * 3 + 1] * b[3 + c] + a[r * 3 + 2] * b[6 + c]);
  return out;
}

/** [R | t] as a row-major 3×4. */
function rigid(r: readonly number[], t: readonly [number, number, number]): number[] {
  return [r[0], r[1], r[2], t[0], r[3], r[4], r[5], t[1], r[6], r[7], r[8], t[2]];
}

/** K·[I | (tx, ty, tz)] for a rectified camera with focal f and principal point (cx, cy). */
function projection(f: number, cx: number, cy: number, t: readonly [number, number, number]): number[] {
  return [f, 0, cx, f * t[0] + cx * t[2], 0, f, cy, f * t[1] + cy * t[2], 0, 0, 1, t[2]];
}

/**
 * The simulated car's calibration, in KITTI's layout and conventions (FORMATS.md §2.3): a
 * 1242×375 rectified stereo rig with ≈720 px focal length and a 0.54 m baseline, camera 2 about
 * 6 cm left of camera 0; R0_rect a fraction of a degree from identity; Tr_velo_to_cam the axis
 * permutation (x_cam = −y, y_cam = −z, z_cam = x) tilted by small angles, with the camera about
 * 27 cm in front of and 8 cm below the LiDAR. The numbers are the project's own (not KITTI's).
 */
export function sampleCalib(): KittiCalib {
  const f = 719.6;
  const cx = 612.4;
  const cy = 176.3;
  const axes = [0, -1, 0, 0, 0, -1, 1, 0, 0];
  const velo = mul3(rotation(0.41, -0.27, 0.52), axes);
  return createKittiCalib({
    P0: projection(f, cx, cy, [0, 0, 0]),
    P1: projection(f, cx, cy, [-0.5372, 0, 0]),
    P2: projection(f, cx, cy, [0.0617, -0.0003, 0.0031]),
    P3: projection(f, cx, cy, [-0.4744, 0.0031, 0.0036]),
    R0_rect: rotation(0.24, -0.43, 0.57),
    Tr_velo_to_cam: rigid(velo, [-0.0049, -0.0784, -0.2723]),
    Tr_imu_to_velo: rigid(rotation(0.12, -0.09, 0.04), [-0.8086, 0.3195, -0.7997]),
  });
}
