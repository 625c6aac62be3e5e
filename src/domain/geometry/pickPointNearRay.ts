import type { Vec3 } from '../types.ts';

/**
 * Finds the point a user clicked: the finite point nearest to the camera whose distance from the ray is
 * within `angle` radians of the ray direction (a cone around the ray), ignoring points closer than
 * `minDistance`. Inputs: positions xyz (LiDAR frame, metres), ray origin and direction in the same frame
 * (direction need not be normalised). Returns the point index, or -1 when nothing is under the cursor.
 */
export function pickPointNearRay(positions: Float32Array, origin: Vec3, direction: Vec3, angle = 0.008, minDistance = 0.5): number {
  const len = Math.hypot(direction[0], direction[1], direction[2]);
  if (!(len > 0)) return -1;
  const dx = direction[0] / len;
  const dy = direction[1] / len;
  const dz = direction[2] / len;
  const [ox, oy, oz] = origin;
  const tan2 = Math.tan(angle) ** 2;
  let best = -1;
  let bestT = Infinity;
  const n = Math.floor(positions.length / 3);
  for (let i = 0; i < n; i++) {
    const vx = positions[i * 3] - ox;
    const vy = positions[i * 3 + 1] - oy;
    const vz = positions[i * 3 + 2] - oz;
    const t = vx * dx + vy * dy + vz * dz;
    if (!(t > minDistance) || t >= bestT) continue;
    const perp2 = vx * vx + vy * vy + vz * vz - t * t;
    if (perp2 <= tan2 * t * t + 0.0025) {
      best = i;
      bestT = t;
    }
  }
  return best;
}
