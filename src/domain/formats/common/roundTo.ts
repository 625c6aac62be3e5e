import { formatFixed } from '../../kitti/formatFixed.ts';

/**
 * `value` rounded to `digits` decimals (C's `%.*f`, ties to even) as a number, never `-0`: what a
 * file written with that many decimals reads back as.
 */
export function roundTo(value: number, digits: number): number {
  const r = Number(formatFixed(value, digits));
  return r === 0 ? 0 : r;
}
