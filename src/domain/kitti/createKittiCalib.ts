import type { KittiCalib, KittiCalibMatrices } from './KittiCalib.ts';
import { CALIB_KEY_SIZES } from './KittiCalib.ts';
import { kittiError } from './KittiError.ts';
import { invertMat4, mat4From3x3, mat4From3x4, multiplyMat4 } from './mat4.ts';

/**
 * `velo2rect = R0_rect(4×4) · Tr_velo_to_cam(4×4)` and its general 4×4 inverse `rect2velo`
 * (both row-major, 16 values), or `null` when the product is singular.
 */
export function deriveCalibTransforms(R0_rect: readonly number[], Tr_velo_to_cam: readonly number[]): { velo2rect: number[]; rect2velo: number[] } | null {
  const velo2rect = multiplyMat4(mat4From3x3(R0_rect), mat4From3x4(Tr_velo_to_cam));
  const rect2velo = invertMat4(velo2rect);
  return rect2velo === null ? null : { velo2rect, rect2velo };
}

/**
 * Builds a complete `KittiCalib` from its stored matrices (row-major: P 3×4, R0_rect 3×3, Tr 3×4),
 * computing `velo2rect` and `rect2velo`. The input arrays are copied.
 *
 * @throws KittiError when a matrix has the wrong number of values, a value is not finite, or
 *   `R0_rect · Tr_velo_to_cam` is singular.
 */
export function createKittiCalib(matrices: KittiCalibMatrices): KittiCalib {
  const out: Partial<KittiCalib> = {};
  for (const key of Object.keys(CALIB_KEY_SIZES) as (keyof typeof CALIB_KEY_SIZES)[]) {
    const values = matrices[key];
    if (values === undefined) continue;
    const expected = CALIB_KEY_SIZES[key];
    if (!Array.isArray(values) || values.length !== expected) {
      throw kittiError('createKittiCalib', { field: key }, `expected ${expected} values`);
    }
    if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw kittiError('createKittiCalib', { field: key }, 'every value must be a finite number');
    }
    out[key] = [...values];
  }
  for (const key of ['P2', 'R0_rect', 'Tr_velo_to_cam'] as const) {
    if (out[key] === undefined) throw kittiError('createKittiCalib', { field: key }, `missing ${key}`);
  }
  const derived = deriveCalibTransforms(out.R0_rect as number[], out.Tr_velo_to_cam as number[]);
  if (derived === null) {
    throw kittiError('createKittiCalib', { field: 'Tr_velo_to_cam' }, 'R0_rect · Tr_velo_to_cam is singular');
  }
  const calib = { ...out, ...derived } as KittiCalib;
  if (matrices.synthetic === true) calib.synthetic = true;
  return calib;
}
