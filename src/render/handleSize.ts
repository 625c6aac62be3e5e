import type { Vec3 } from '../domain/types.ts';

/** Handle edge (metres) for a box in a close-up: a small share of the box. */
export function closeUpHandleSize(size: Readonly<Vec3>): number {
  return Math.max(0.12, Math.min(0.35, Math.max(...size) * 0.06));
}

/** The yaw handle's centre lies this many handle edges past the box's front face. */
export const YAW_HANDLE_OFFSET = 4;

/**
 * How far past the box's centre (metres, along its heading) the top close-up must show for the
 * yaw handle of a box of `size` to be whole: the handle's centre and a little more than its radius.
 */
export function yawHandleReach(size: Readonly<Vec3>): number {
  const s = closeUpHandleSize(size);
  return size[0] / 2 + (YAW_HANDLE_OFFSET + 1) * s;
}
