import type { CalibKey, KittiCalib } from './KittiCalib.ts';
import { CALIB_KEY_SIZES } from './KittiCalib.ts';
import { deriveCalibTransforms } from './createKittiCalib.ts';
import { kittiError } from './KittiError.ts';
import { parseNumberToken } from './parseNumberToken.ts';

export type { KittiCalib } from './KittiCalib.ts';
export { formatKittiCalib } from './formatKittiCalib.ts';
export { syntheticCalib } from './syntheticCalib.ts';
export { createKittiCalib } from './createKittiCalib.ts';

export interface ParseKittiCalibOptions {
  /** Name of the file, for error messages only. */
  fileName?: string;
}

/** Key names of KITTI tracking-style calib files and what they mean here. */
const KEY_ALIASES: Record<string, CalibKey> = {
  R_rect: 'R0_rect',
  Tr_velo_cam: 'Tr_velo_to_cam',
  Tr_imu_velo: 'Tr_imu_to_velo',
};

/**
 * Parses a KITTI calibration file **by key** (not by line position): each line is `KEY: values`,
 * split on the first `:` (a line without `:` is `KEY values`, as tracking files write `R_rect`).
 * Values are split on any whitespace; CRLF and blank lines are fine; unknown keys are ignored. The
 * tracking names `R_rect`, `Tr_velo_cam` and `Tr_imu_velo` are accepted as aliases.
 *
 * Output matrices are row-major float64 (see `KittiCalib`), plus the derived `velo2rect`
 * (LiDAR → rectified camera 0) and its general inverse `rect2velo`.
 *
 * @throws KittiError naming the key when P2, R0_rect or Tr_velo_to_cam is missing, naming key and
 *   line (1-based) for a wrong value count, a value that is not a number, or a repeated key, and
 *   when `R0_rect · Tr_velo_to_cam` is singular.
 */
export function parseKittiCalib(text: string, opts: ParseKittiCalibOptions = {}): KittiCalib {
  const fileName = opts.fileName;
  if (typeof text !== 'string') {
    throw kittiError('parseKittiCalib', { fileName }, `expected text, got ${typeof text}`);
  }
  const found: Partial<Record<CalibKey, number[]>> = {};
  const foundOnLine: Partial<Record<CalibKey, number>> = {};
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (trimmed === '') continue;
    const line = i + 1;
    const colon = trimmed.indexOf(':');
    let rawKey: string;
    let rest: string;
    if (colon >= 0) {
      rawKey = trimmed.slice(0, colon).trim();
      rest = trimmed.slice(colon + 1).trim();
    } else {
      const space = trimmed.search(/\s/);
      rawKey = space < 0 ? trimmed : trimmed.slice(0, space);
      rest = space < 0 ? '' : trimmed.slice(space).trim();
    }
    const key = canonicalKey(rawKey);
    if (key === null) continue;
    if (found[key] !== undefined) {
      throw kittiError('parseKittiCalib', { fileName, line, field: key }, `repeated key (first on line ${foundOnLine[key]})`);
    }
    const tokens = rest === '' ? [] : rest.split(/\s+/);
    const expected = CALIB_KEY_SIZES[key];
    if (tokens.length !== expected) {
      throw kittiError('parseKittiCalib', { fileName, line, field: key }, `expected ${expected} values, found ${tokens.length}`);
    }
    const values: number[] = [];
    for (const token of tokens) {
      const value = parseNumberToken(token);
      if (value === null) {
        throw kittiError('parseKittiCalib', { fileName, line, field: key }, `"${token}" is not a number`);
      }
      values.push(value);
    }
    found[key] = values;
    foundOnLine[key] = line;
  }
  for (const key of ['P2', 'R0_rect', 'Tr_velo_to_cam'] as const) {
    if (found[key] === undefined) {
      throw kittiError('parseKittiCalib', { fileName, field: key }, `missing ${key}`);
    }
  }
  const P2 = found.P2 as number[];
  const R0_rect = found.R0_rect as number[];
  const Tr_velo_to_cam = found.Tr_velo_to_cam as number[];
  const derived = deriveCalibTransforms(R0_rect, Tr_velo_to_cam);
  if (derived === null) {
    throw kittiError('parseKittiCalib', { fileName, line: foundOnLine.Tr_velo_to_cam, field: 'Tr_velo_to_cam' }, 'R0_rect · Tr_velo_to_cam is singular');
  }
  const calib: KittiCalib = { P2, R0_rect, Tr_velo_to_cam, ...derived };
  for (const key of ['P0', 'P1', 'P3', 'Tr_imu_to_velo'] as const) {
    if (found[key] !== undefined) calib[key] = found[key];
  }
  return calib;
}

function canonicalKey(raw: string): CalibKey | null {
  if (Object.hasOwn(CALIB_KEY_SIZES, raw)) return raw as CalibKey;
  return Object.hasOwn(KEY_ALIASES, raw) ? KEY_ALIASES[raw] : null;
}
