import type { KittiCalib } from '../../domain/kitti/KittiCalib.ts';
import { multiply3x4Mat4, multiplyMat4 } from '../../domain/kitti/mat4.ts';
import { applyRigidZ, invertRigidZ } from '../primitives/RigidZ.ts';
import type { RigidZ } from '../primitives/RigidZ.ts';

/** Camera 2 of a calibration placed in the world of one frame. */
export interface CameraRig {
  width: number;
  height: number;
  /** Camera 2's optical centre, world frame, metres. */
  origin: [number, number, number];
  /** 3×3 row-major: pixel (u, v, 1) → world direction of its ray (not unit length). */
  pixelToWorldDir: number[];
  /** 3×4 row-major: world point → (u·w, v·w, w), w ≈ rectified depth in metres. */
  worldToImage: number[];
}

function invert3(m: readonly number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!(Math.abs(det) > 1e-12)) throw new Error('sim/cameraRig: the left 3×3 of P2 is singular');
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}

function mul3(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) out.push(a[r * 3] * b[c] + a[r * 3 + 1] * b[3 + c] + a[r * 3 + 2] * b[6 + c]);
  return out;
}

/** 4×4 of a RigidZ (rotation about +z, then translation). */
function rigidZMat4(m: RigidZ): number[] {
  const c = Math.cos(m.yaw);
  const s = Math.sin(m.yaw);
  return [c, -s, 0, m.tx, s, c, 0, m.ty, 0, 0, 1, m.tz, 0, 0, 0, 1];
}

/**
 * Places camera 2 of `calib` in the world of one frame. P2 = [M | p] maps rectified camera-0
 * coordinates to pixels, so the camera centre is −M⁻¹·p (rectified) and pixel (u, v) looks along
 * M⁻¹·(u, v, 1) (for KITTI's M = K: ((u − cx)/fx, (v − cy)/fy, 1)). `rect2velo` takes both into
 * the LiDAR frame and `lidarToWorld` (the frame's LiDAR pose) into the world.
 *
 * @param imageSize `[width, height]` in pixels
 */
export function cameraRigFromCalib(calib: KittiCalib, lidarToWorld: RigidZ, imageSize: [number, number]): CameraRig {
  const P = calib.P2;
  const mInv = invert3([P[0], P[1], P[2], P[4], P[5], P[6], P[8], P[9], P[10]]);
  const p = [P[3], P[7], P[11]];
  const cRect = [0, 1, 2].map((r) => -(mInv[r * 3] * p[0] + mInv[r * 3 + 1] * p[1] + mInv[r * 3 + 2] * p[2]));
  const rv = calib.rect2velo;
  const cLidar = [0, 1, 2].map((r) => rv[r * 4] * cRect[0] + rv[r * 4 + 1] * cRect[1] + rv[r * 4 + 2] * cRect[2] + rv[r * 4 + 3]);
  const origin = applyRigidZ(lidarToWorld, cLidar[0], cLidar[1], cLidar[2]);
  const rectToLidar = [rv[0], rv[1], rv[2], rv[4], rv[5], rv[6], rv[8], rv[9], rv[10]];
  const c = Math.cos(lidarToWorld.yaw);
  const s = Math.sin(lidarToWorld.yaw);
  const yawRot = [c, -s, 0, s, c, 0, 0, 0, 1];
  const worldToLidar = rigidZMat4(invertRigidZ(lidarToWorld));
  return {
    width: imageSize[0],
    height: imageSize[1],
    origin: [origin[0], origin[1], origin[2]],
    pixelToWorldDir: mul3(yawRot, mul3(rectToLidar, mInv)),
    worldToImage: multiply3x4Mat4(P, multiplyMat4(calib.velo2rect, worldToLidar)),
  };
}
