import type { KittiCalib } from './KittiCalib.ts';
import { syntheticCalib } from './syntheticCalib.ts';

let cached: KittiCalib | null = null;

/** `calib`, or the shared no-camera convention of `syntheticCalib()` when it is `null`. */
export function calibOrSynthetic(calib: KittiCalib | null): KittiCalib {
  if (calib !== null) return calib;
  cached ??= syntheticCalib();
  return cached;
}
