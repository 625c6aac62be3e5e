import { principalFootprint } from '../../geometry/principalFootprint.ts';
import type { PrincipalFootprint } from '../../geometry/principalFootprint.ts';

/** How high a part of a cluster reaches: its highest and lowest point above the ground, and its mean z. */
export interface PartHeights {
  top: number;
  bottom: number;
  /** Mean z of its points (LiDAR frame), metres. */
  z: number;
}

/** Top and bottom above the ground (`h`: each point's height above it) and mean z of the points `list` of `xyz`. */
export function partHeights(xyz: Float32Array, h: Float32Array, list: readonly number[]): PartHeights {
  let top = -Infinity;
  let bottom = Infinity;
  let sz = 0;
  for (const i of list) {
    top = Math.max(top, h[i]);
    bottom = Math.min(bottom, h[i]);
    sz += xyz[3 * i + 2];
  }
  return { top, bottom, z: sz / Math.max(1, list.length) };
}

/** The top-view footprint along the principal axis of the points `list` of `xyz` (`principalFootprint`). */
export function partFootprint(xyz: Float32Array, list: readonly number[]): PrincipalFootprint {
  return principalFootprint(
    Float64Array.from(list, (i) => xyz[3 * i]),
    Float64Array.from(list, (i) => xyz[3 * i + 1]),
  );
}

/** The points `list` of `xyz`, x y z, in a buffer of their own. */
export function partPoints(xyz: Float32Array, list: readonly number[]): Float32Array {
  const out = new Float32Array(3 * list.length);
  list.forEach((i, k) => out.set(xyz.subarray(3 * i, 3 * i + 3), 3 * k));
  return out;
}
