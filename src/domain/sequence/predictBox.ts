import type { Vec3 } from '../types.ts';
import type { CuboidShape } from '../geometry/CuboidShape.ts';
import { normalizeYaw } from '../document/cuboidOps.ts';

export interface PredictBoxOptions {
  /**
   * Largest displacement per frame the motion model may carry over, metres (default 3: 30 m/s
   * relative speed at 10 Hz). A longer step between the last two boxes is scaled down to it.
   */
  maxStep?: number;
  /** Largest yaw change per frame carried over, radians (default 0.3 ≈ 17°). */
  maxYawRate?: number;
}

/** Default cap on the per-frame displacement, metres. */
export const DEFAULT_MAX_STEP = 3;
/** Default cap on the per-frame yaw change, radians. */
export const DEFAULT_MAX_YAW_RATE = 0.3;

/**
 * The signed smallest rotation (radians, in (−π, π]) that takes yaw `from` to yaw `to`.
 * Both in radians about +z; any range.
 */
export function yawDelta(from: number, to: number): number {
  return normalizeYaw(to - from);
}

/**
 * Predicts a track's box in the next frame from its boxes in the frames just before it.
 *
 * `history`: the track's boxes in consecutive frames, oldest first (only the last two are read),
 * each in its own frame's sensor (LiDAR) frame: metres, yaw in radians about +z. Motion is
 * measured in that sensor frame, so a parked car seen from a moving car appears to move by the
 * ego motion, and the prediction carries that along.
 * - one box: no motion known, the same box;
 * - two boxes: constant velocity and constant yaw rate (last − previous, applied once more),
 *   the step clamped to `maxStep` metres and the yaw change to `maxYawRate` radians.
 * Size never changes. The returned yaw is normalised to (−π, π].
 *
 * @throws Error when `history` is empty.
 */
export function predictBox(history: readonly CuboidShape[], opts: PredictBoxOptions = {}): CuboidShape {
  const n = history.length;
  if (n === 0) throw new Error('predictBox: history is empty (need the last 1–2 boxes of the track)');
  const last = history[n - 1];
  const size: Vec3 = [last.size[0], last.size[1], last.size[2]];
  if (n === 1) return { center: [last.center[0], last.center[1], last.center[2]], size, yaw: normalizeYaw(last.yaw) };
  const prev = history[n - 2];
  const maxStep = opts.maxStep ?? DEFAULT_MAX_STEP;
  const maxYawRate = opts.maxYawRate ?? DEFAULT_MAX_YAW_RATE;
  let dx = last.center[0] - prev.center[0];
  let dy = last.center[1] - prev.center[1];
  let dz = last.center[2] - prev.center[2];
  const step = Math.hypot(dx, dy, dz);
  if (!Number.isFinite(step)) {
    dx = 0;
    dy = 0;
    dz = 0;
  } else if (step > maxStep) {
    const k = maxStep / step;
    dx *= k;
    dy *= k;
    dz *= k;
  }
  let dyaw = yawDelta(prev.yaw, last.yaw);
  if (!Number.isFinite(dyaw)) dyaw = 0;
  dyaw = Math.max(-maxYawRate, Math.min(maxYawRate, dyaw));
  return {
    center: [last.center[0] + dx, last.center[1] + dy, last.center[2] + dz],
    size,
    yaw: normalizeYaw(last.yaw + dyaw),
  };
}
