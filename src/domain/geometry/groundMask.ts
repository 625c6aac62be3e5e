import { groundHeightAt, lowGroundAt } from './estimateGround.ts';
import type { GroundModel } from './estimateGround.ts';

/**
 * Height above the ground below which a point counts as ground, metres: the clearance the
 * checks' obstacle clustering uses (`clusterObstacles`' default `minHeight`), so the points the
 * viewer hides as ground are the ones the checks set aside as ground.
 */
export const GROUND_CLEARANCE = 0.3;

/**
 * Marks the ground points of a cloud: 1 where a point stands less than `clearance` metres above
 * both the ground model's blended height (`groundHeightAt`) and the lowest ground of the four
 * cells around it (`lowGroundAt`), as `clusterObstacles` decides; points below the ground (pits,
 * stray echoes under the road) are ground too. NaN points are 0.
 *
 * Inputs: `positions` x y z interleaved, LiDAR frame, metres; `ground` estimated over the same
 * frame (`estimateGround`).
 */
export function groundMask(positions: Float32Array, ground: GroundModel, clearance = GROUND_CLEARANCE): Uint8Array {
  const n = Math.floor(positions.length / 3);
  const out = new Uint8Array(n);
  for (let i = 0, o = 0; i < n; i++, o += 3) {
    const x = positions[o];
    const y = positions[o + 1];
    const z = positions[o + 2];
    if (x - x !== 0 || y - y !== 0 || z - z !== 0) continue;
    if (z - groundHeightAt(ground, x, y) < clearance && z - lowGroundAt(ground, x, y) < clearance) out[i] = 1;
  }
  return out;
}
