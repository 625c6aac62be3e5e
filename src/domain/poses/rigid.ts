import { invertMat4, multiplyMat4, transformPoint } from '../kitti/mat4.ts';
import type { Pose } from './Pose.ts';

/**
 * Rigid-transform helpers on row-major 4×4 matrices (`Pose`): building them from a rotation and a
 * translation, inverting, composing and checking. Metres and radians throughout.
 */

/** The 3×3 rotation of a unit quaternion `[w, x, y, z]` (Hamilton convention, as nuScenes and pyquaternion), row-major. */
export function quaternionToMat3(q: readonly number[]): number[] {
  const n = Math.hypot(q[0], q[1], q[2], q[3]);
  const [w, x, y, z] = [q[0] / n, q[1] / n, q[2] / n, q[3] / n];
  return [
    1 - 2 * (y * y + z * z),
    2 * (x * y - w * z),
    2 * (x * z + w * y),
    2 * (x * y + w * z),
    1 - 2 * (x * x + z * z),
    2 * (y * z - w * x),
    2 * (x * z - w * y),
    2 * (y * z + w * x),
    1 - 2 * (x * x + y * y),
  ];
}

/** The 4×4 rigid transform with rotation `r` (3×3 row-major) and translation `t` (metres). */
export function rigidFrom(r: readonly number[], t: readonly number[]): number[] {
  return [r[0], r[1], r[2], t[0], r[3], r[4], r[5], t[1], r[6], r[7], r[8], t[2], 0, 0, 0, 1];
}

/** A rotation about +z by `yaw` radians (counter-clockwise) and a translation: the planar poses of the simulator. */
export function rigidFromYaw(yaw: number, t: readonly number[]): number[] {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  return rigidFrom([c, -s, 0, s, c, 0, 0, 0, 1], t);
}

/** The inverse of a rigid transform: `[Rᵀ, −Rᵀt]` (exact for a rotation, no elimination). */
export function invertRigid(m: Pose): number[] {
  const r = [m[0], m[4], m[8], m[1], m[5], m[9], m[2], m[6], m[10]];
  const t = [m[3], m[7], m[11]];
  return rigidFrom(r, [-(r[0] * t[0] + r[1] * t[1] + r[2] * t[2]), -(r[3] * t[0] + r[4] * t[1] + r[5] * t[2]), -(r[6] * t[0] + r[7] * t[1] + r[8] * t[2])]);
}

/** `a · b` (apply `b`, then `a`). */
export function composeRigid(a: Pose, b: Pose): number[] {
  return multiplyMat4(a, b);
}

/** `m · [x y z 1]`, the first three components. */
export function applyRigid(m: Pose, x: number, y: number, z: number): [number, number, number] {
  return transformPoint(m, x, y, z);
}

/**
 * The general inverse of a 4×4 transform that need not be rigid (a calibration read from a file),
 * or null when it is singular.
 */
export function invertAffine(m: Pose): number[] | null {
  return invertMat4(m);
}

/**
 * Why `m` is not a rigid transform (a sentence), or null when it is one: 16 finite values, last row
 * `0 0 0 1`, an orthonormal rotation with determinant +1, each within `tol` (default 1e-3: poses
 * are printed with 6–9 digits).
 */
export function rigidProblem(m: readonly number[], tol = 1e-3): string | null {
  if (m.length !== 16) return `expected 16 values, found ${m.length}`;
  if (!m.every(Number.isFinite)) return 'a value is not a finite number';
  if (Math.abs(m[12]) > tol || Math.abs(m[13]) > tol || Math.abs(m[14]) > tol || Math.abs(m[15] - 1) > tol) return 'the last row is not 0 0 0 1';
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const dot = m[i * 4] * m[j * 4] + m[i * 4 + 1] * m[j * 4 + 1] + m[i * 4 + 2] * m[j * 4 + 2];
      if (Math.abs(dot - (i === j ? 1 : 0)) > tol) return 'the rotation is not orthonormal (rows are not unit length and perpendicular)';
    }
  }
  const det = m[0] * (m[5] * m[10] - m[6] * m[9]) - m[1] * (m[4] * m[10] - m[6] * m[8]) + m[2] * (m[4] * m[9] - m[5] * m[8]);
  if (det < 0) return 'the rotation is a reflection (determinant -1)';
  return null;
}
