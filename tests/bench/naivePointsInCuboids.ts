/**
 * The reference for the points-in-boxes bench: every point against every box, no index.
 * It is meant to be the fastest plain loop one would write without a spatial index, not a
 * strawman: box parameters (centre, cos/sin of yaw, half extents) are precomputed once into a
 * flat Float64Array, the loop runs box by box over the positions (sequential memory), the
 * cheapest rejections come first, and nothing allocates inside it.
 */
import type { Cuboid } from '../../src/domain/types.ts';

const STRIDE = 8;

/**
 * Counts the points inside each box (boundary inclusive, z tested on the box's vertical extent).
 * @param positions xyz interleaved, LiDAR frame, metres (NaN points never count)
 * @param boxes oriented boxes in the same frame
 * @returns number of points in each box, in box order
 */
export function naivePointsInCuboids(positions: Float32Array, boxes: readonly Cuboid[]): Uint32Array {
  const params = new Float64Array(boxes.length * STRIDE);
  boxes.forEach((b, k) => {
    const o = k * STRIDE;
    params[o] = b.center[0];
    params[o + 1] = b.center[1];
    params[o + 2] = b.center[2];
    params[o + 3] = Math.cos(b.yaw);
    params[o + 4] = Math.sin(b.yaw);
    params[o + 5] = b.size[0] / 2;
    params[o + 6] = b.size[1] / 2;
    params[o + 7] = b.size[2] / 2;
  });
  const counts = new Uint32Array(boxes.length);
  const n3 = positions.length - (positions.length % 3);
  for (let k = 0; k < boxes.length; k++) {
    const o = k * STRIDE;
    const cx = params[o];
    const cy = params[o + 1];
    const cz = params[o + 2];
    const c = params[o + 3];
    const s = params[o + 4];
    const hl = params[o + 5];
    const hw = params[o + 6];
    const hh = params[o + 7];
    let count = 0;
    for (let i = 0; i < n3; i += 3) {
      const dx = positions[i] - cx;
      const dy = positions[i + 1] - cy;
      const lx = dx * c + dy * s;
      if (lx > hl || lx < -hl) continue;
      const ly = dy * c - dx * s;
      if (ly > hw || ly < -hw) continue;
      const dz = positions[i + 2] - cz;
      if (dz > hh || dz < -hh) continue;
      count++;
    }
    counts[k] = count;
  }
  return counts;
}
