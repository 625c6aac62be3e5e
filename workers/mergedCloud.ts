import { appendSweep } from '../src/domain/lod/mergeSweeps.ts';
import { lidarToLidar } from '../src/domain/poses/worldTransforms.ts';
import type { Pose } from '../src/domain/poses/Pose.ts';
import type { PointFileKind } from '../src/domain/pointcloud/pointFileKind.ts';
import { fetchCloud } from './fetchCloud.ts';

/** One sweep the merge worker fetches: its point file and its ego pose. */
export interface SweepRequest {
  frameId: string;
  url: string;
  kind: PointFileKind;
  /** LiDAR → world. */
  pose: Pose;
  /** Sweeps from the open frame (negative: earlier). */
  time: number;
  /** The sweep's points when the page has them already (the open frame: x y z, its LiDAR frame, metres); not fetched then. */
  positions?: Float32Array;
}

/** Sweeps fetched and parsed at once (the network and the parser overlap). */
const PARALLEL = 4;

/**
 * Fetches and parses the sweeps (a few at a time), moves each into the open frame's LiDAR frame
 * through the world (`lidarToLidar`) as it arrives and appends it to one growing buffer; calls
 * `onSweep` after each with the buffers as they are now and the range of points it added
 * (`from` … `to − 1`; empty for a skipped sweep). Positions metres (target LiDAR frame), time in
 * sweeps from the open frame. A sweep that cannot be read is skipped and named in `skipped`.
 */
export async function gatherSweeps(
  sweeps: readonly SweepRequest[],
  targetPose: Pose,
  onSweep: (done: number, added: { positions: Float32Array; time: Float32Array; from: number; to: number }) => void,
  cancelled: () => boolean,
): Promise<{ positions: Float32Array; time: Float32Array; count: number; skipped: string[] }> {
  let positions = new Float32Array(0);
  let time = new Float32Array(0);
  let count = 0;
  let done = 0;
  const skipped: string[] = [];
  let next = 0;
  const one = async (): Promise<void> => {
    while (next < sweeps.length && !cancelled()) {
      const s = sweeps[next++];
      let from = count;
      try {
        const cloud = s.positions ? { positions: s.positions, count: Math.floor(s.positions.length / 3) } : await fetchCloud(s.frameId, s.url, s.kind);
        const need = count + cloud.count;
        if (need > time.length) {
          const size = Math.max(need, Math.ceil(time.length * 1.6), cloud.count * sweeps.length);
          const p = new Float32Array(size * 3);
          p.set(positions.subarray(0, count * 3));
          const t = new Float32Array(size);
          t.set(time.subarray(0, count));
          positions = p;
          time = t;
        }
        from = count;
        count = appendSweep({ positions: cloud.positions, pose: s.pose, time: s.time }, lidarToLidar(s.pose, targetPose), positions, time, count);
      } catch (err) {
        from = count;
        skipped.push(`${s.frameId}: ${err instanceof Error ? err.message : String(err)}`);
      }
      onSweep(++done, { positions, time, from, to: count });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, one));
  return { positions: positions.subarray(0, count * 3), time: time.subarray(0, count), count, skipped };
}

/** Copies the points of `order` (a progressive order) into new arrays, in that order. */
export function reorder(
  positions: Float32Array,
  time: Float32Array,
  order: Uint32Array,
  start: number,
  end: number,
): { positions: Float32Array; time: Float32Array } {
  const p = new Float32Array((end - start) * 3);
  const t = new Float32Array(end - start);
  for (let k = start, o = 0; k < end; k++, o++) {
    const i = order[k];
    p[o * 3] = positions[i * 3];
    p[o * 3 + 1] = positions[i * 3 + 1];
    p[o * 3 + 2] = positions[i * 3 + 2];
    t[o] = time[i];
  }
  return { positions: p, time: t };
}
