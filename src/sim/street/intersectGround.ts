import type { RigidZ } from '../primitives/RigidZ.ts';
import type { GroundModel } from './ground.ts';

const grad = [0, 0];

/**
 * Distance along a ray from the LiDAR origin to the ground height field, or Infinity.
 *
 * Inputs: the ray's unit direction (dx, dy, dz) in the LiDAR frame; `lidarToWorld`, the pose of
 * the LiDAR in the world (yaw about +z and position); `maxT`, the farthest distance of interest.
 * Newton's method on f(t) = z_world(t) − h(x_world(t), y_world(t)), started from the flat-ground
 * answer; the field's slopes are a few percent, so a few steps reach sub-millimetre accuracy.
 */
export function intersectGround(ground: GroundModel, lidarToWorld: RigidZ, dx: number, dy: number, dz: number, maxT: number): number {
  if (dz >= -1e-6) return Infinity;
  const c = Math.cos(lidarToWorld.yaw);
  const s = Math.sin(lidarToWorld.yaw);
  const wdx = c * dx - s * dy;
  const wdy = s * dx + c * dy;
  const { tx, ty, tz } = lidarToWorld;
  let t = (ground.height(tx, ty) - tz) / dz;
  for (let iter = 0; iter < 8; iter++) {
    if (!(t > 0) || t > maxT * 1.5) return Infinity;
    const x = tx + t * wdx;
    const y = ty + t * wdy;
    const f = tz + t * dz - ground.height(x, y);
    ground.gradient(x, y, grad);
    const df = dz - (grad[0] * wdx + grad[1] * wdy);
    if (df >= -1e-9) return Infinity;
    const step = f / df;
    t -= step;
    if (Math.abs(step) < 1e-5) return t > 0 && t <= maxT ? t : Infinity;
  }
  return Infinity;
}
