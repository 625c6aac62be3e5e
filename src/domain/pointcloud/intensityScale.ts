import type { AttributeArray } from '../types.ts';

/**
 * The full scale of a cloud's intensity values, the value that means "strongest return": 255 for
 * 8-bit fields, 65535 for 16-bit ones; for other types the smallest of 1 (KITTI's reflectance),
 * 255 (nuScenes, most PCD exports) and 65535 (LAS) that holds every finite value, else the
 * largest value. Null for a cloud without intensity or with no finite value in it.
 */
export function intensityFullScale(values: AttributeArray | undefined): number | null {
  if (values === undefined || values.length === 0) return null;
  if (values instanceof Uint8Array || values instanceof Int8Array) return 255;
  if (values instanceof Uint16Array || values instanceof Int16Array) return 65535;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    if (v > max && v !== Infinity) max = v;
  }
  return max === -Infinity ? null : scaleHolding(max);
}

/** The smallest of 1, 255 and 65535 that holds `max`, the largest intensity of a cloud, else `max` itself. */
export function scaleHolding(max: number): number {
  for (const scale of [1, 255, 65535]) if (max <= scale) return scale;
  return max;
}

/**
 * The factor that takes intensities of full scale `from` to full scale `to` (1 when either is
 * unknown).
 */
export function intensityFactor(from: number | null, to: number | null): number {
  return from === null || to === null || !(from > 0) ? 1 : to / from;
}
