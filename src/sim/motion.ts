import type { ActorMotion } from './actors/SceneActor.ts';

/** A planar pose in the world frame: position (metres) and heading (radians about +z). */
export interface PlanarPose {
  x: number;
  y: number;
  yaw: number;
}

/**
 * Pose of a constant-speed, constant-turn-rate mover at time `time` (seconds since frame 0).
 * A zero yaw rate is a straight line; otherwise the path is an exact circular arc.
 */
export function poseAt(m: ActorMotion, time: number): PlanarPose {
  const yaw = m.yaw0 + m.yawRate * time;
  if (Math.abs(m.yawRate) < 1e-9) {
    return { x: m.x0 + m.speed * time * Math.cos(m.yaw0), y: m.y0 + m.speed * time * Math.sin(m.yaw0), yaw };
  }
  const r = m.speed / m.yawRate;
  return {
    x: m.x0 + r * (Math.sin(yaw) - Math.sin(m.yaw0)),
    y: m.y0 - r * (Math.cos(yaw) - Math.cos(m.yaw0)),
    yaw,
  };
}

/** Wraps an angle to [−π, π). */
export function wrapPi(a: number): number {
  return a - 2 * Math.PI * Math.floor(a / (2 * Math.PI) + 0.5);
}
