import type { Pose } from '../poses/Pose.ts';
import { lidarToLidar } from '../poses/worldTransforms.ts';

/** Sweeps merged at most on each side of the open frame. */
export const MAX_SWEEPS_EACH_SIDE = 25;

/** One sweep to merge: its points in its own LiDAR frame and its ego pose. */
export interface SweepInput {
  /** x y z interleaved, the sweep's LiDAR frame, metres. */
  positions: Float32Array;
  /** The sweep's LiDAR → world pose (same sequence as the target's). */
  pose: Pose;
  /** When the sweep was taken relative to the target frame, in sweeps (frames; negative: earlier); stored per point in `time`. */
  time: number;
}

/** The merged cloud, in the target frame's LiDAR frame (the world seen from the open frame). */
export interface MergedSweeps {
  /** x y z interleaved, target LiDAR frame, metres; finite points only. */
  positions: Float32Array;
  /** Per point, the `time` of the sweep it came from (sweeps from the open frame). */
  time: Float32Array;
  /** Per sweep, where its points begin in the merged arrays; last entry = count. */
  sweepStart: Uint32Array;
  count: number;
}

/**
 * Merges sweeps into one cloud in the LiDAR frame of `targetPose`: each sweep goes through the
 * world frame (`target⁻¹ · pose`, `lidarToLidar`), so a static object lands where it stands in the
 * open frame however the ego moved, and points of a moving one spread along its path (told apart
 * by `time`). Coordinates stay small (the target's frame, not the world's), so float32 keeps mm.
 * NaN and infinite points are dropped.
 */
export function mergeSweeps(sweeps: readonly SweepInput[], targetPose: Pose): MergedSweeps {
  let total = 0;
  for (const s of sweeps) total += Math.floor(s.positions.length / 3);
  const positions = new Float32Array(total * 3);
  const time = new Float32Array(total);
  const sweepStart = new Uint32Array(sweeps.length + 1);
  let n = 0;
  sweeps.forEach((s, k) => {
    sweepStart[k] = n;
    n = appendSweep(s, lidarToLidar(s.pose, targetPose), positions, time, n);
  });
  sweepStart[sweeps.length] = n;
  return { positions: n === total ? positions : positions.slice(0, n * 3), time: n === total ? time : time.slice(0, n), sweepStart, count: n };
}

/** Writes `sweep`'s finite points moved by `m` at point `at`; returns the new count. */
export function appendSweep(sweep: SweepInput, m: readonly number[], out: Float32Array, time: Float32Array, at: number): number {
  const p = sweep.positions;
  const [r0, r1, r2, t0, r3, r4, r5, t1, r6, r7, r8, t2] = m;
  let n = at;
  for (let i = 0; i + 2 < p.length; i += 3) {
    const x = p[i];
    const y = p[i + 1];
    const z = p[i + 2];
    if (x - x !== 0 || y - y !== 0 || z - z !== 0) continue;
    const o = n * 3;
    out[o] = r0 * x + r1 * y + r2 * z + t0;
    out[o + 1] = r3 * x + r4 * y + r5 * z + t1;
    out[o + 2] = r6 * x + r7 * y + r8 * z + t2;
    time[n] = sweep.time;
    n++;
  }
  return n;
}

/**
 * The frames to merge around frame `index` of a sequence: up to `n` before and `n` after, only
 * frames with a pose of the same sequence (a gap ends the run on that side), nearest first so a
 * cut-off load keeps the closest sweeps. Returns indices into `poses`, the open frame first.
 */
export function sweepWindow(poses: readonly ({ sequence: string } | null)[], index: number, n: number): number[] {
  const own = poses[index];
  if (!own) return [];
  const out = [index];
  let before = index - 1;
  let after = index + 1;
  let beforeOpen = true;
  let afterOpen = true;
  for (let k = 1; k <= n; k++) {
    if (afterOpen && after < poses.length && poses[after]?.sequence === own.sequence) out.push(after++);
    else afterOpen = false;
    if (beforeOpen && before >= 0 && poses[before]?.sequence === own.sequence) out.push(before--);
    else beforeOpen = false;
  }
  return out;
}

/** A disc of the merged view, BEV, in the open frame's LiDAR frame (metres). */
export interface MergedDisc {
  x: number;
  y: number;
  radius: number;
}

/**
 * Keeps, of points `from` … `to − 1` of `positions` / `time`, those whose BEV distance from the
 * disc's centre is at most its radius, moved down in place from `from` on; returns the new end.
 */
export function keepInDisc(positions: Float32Array, time: Float32Array, from: number, to: number, disc: MergedDisc): number {
  const r2 = disc.radius * disc.radius;
  let n = from;
  for (let i = from; i < to; i++) {
    const dx = positions[3 * i] - disc.x;
    const dy = positions[3 * i + 1] - disc.y;
    if (dx * dx + dy * dy > r2) continue;
    if (n !== i) {
      positions[3 * n] = positions[3 * i];
      positions[3 * n + 1] = positions[3 * i + 1];
      positions[3 * n + 2] = positions[3 * i + 2];
      time[n] = time[i];
    }
    n++;
  }
  return n;
}

/** Indices 0 … count − 1, or `most` of them spread evenly when there are more. */
export function evenSample(count: number, most: number): Uint32Array {
  if (count <= most) return Uint32Array.from({ length: count }, (_, i) => i);
  const step = count / most;
  return Uint32Array.from({ length: most }, (_, k) => Math.floor(k * step));
}
