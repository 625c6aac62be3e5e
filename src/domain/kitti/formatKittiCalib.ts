import type { KittiCalib } from './KittiCalib.ts';
import { CALIB_KEY_SIZES } from './KittiCalib.ts';
import { kittiError } from './KittiError.ts';
import { formatExp12 } from './formatFixed.ts';

const IDENTITY_3X4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];

/**
 * Writes a calibration in the layout of the official files: exactly 7 lines
 * `P0 P1 P2 P3 R0_rect Tr_velo_to_cam Tr_imu_to_velo`, each `KEY: v1 v2 …` with `%.12e` values
 * separated by single spaces, LF endings, and a final empty line. Missing `P0`/`P1`/`P3` are written
 * as `P2`; a missing `Tr_imu_to_velo` as the identity 3×4. The derived matrices are not written.
 *
 * @throws KittiError when a written matrix has the wrong value count or a non-finite value.
 */
export function formatKittiCalib(calib: KittiCalib): string {
  const keys = Object.keys(CALIB_KEY_SIZES) as (keyof typeof CALIB_KEY_SIZES)[];
  // Check the calib's own matrices first, so that an error names the matrix that is wrong.
  for (const key of keys) {
    const matrix = calib[key];
    if (matrix === undefined && key !== 'P2' && key !== 'R0_rect' && key !== 'Tr_velo_to_cam') continue;
    const expected = CALIB_KEY_SIZES[key];
    if (!Array.isArray(matrix) || matrix.length !== expected) {
      throw kittiError('formatKittiCalib', { field: key }, `expected ${expected} values`);
    }
    if (!matrix.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw kittiError('formatKittiCalib', { field: key }, 'every value must be a finite number');
    }
  }
  const values: Record<keyof typeof CALIB_KEY_SIZES, number[]> = {
    P0: calib.P0 ?? calib.P2,
    P1: calib.P1 ?? calib.P2,
    P2: calib.P2,
    P3: calib.P3 ?? calib.P2,
    R0_rect: calib.R0_rect,
    Tr_velo_to_cam: calib.Tr_velo_to_cam,
    Tr_imu_to_velo: calib.Tr_imu_to_velo ?? IDENTITY_3X4,
  };
  let text = '';
  for (const key of keys) text += `${key}: ${values[key].map(formatExp12).join(' ')}\n`;
  return text + '\n';
}
