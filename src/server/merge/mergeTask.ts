import type { MessagePort } from 'node:worker_threads';
import { appendSweep, evenSample, keepInDisc } from '../../domain/lod/mergeSweeps.ts';
import type { MergedDisc } from '../../domain/lod/mergeSweeps.ts';
import { encodeBatch, encodeDone, encodeProgress } from '../../domain/lod/mergedWire.ts';
import type { MergedDone } from '../../domain/lod/mergedWire.ts';
import type { Pose } from '../../domain/poses/Pose.ts';
import { lidarToLidar } from '../../domain/poses/worldTransforms.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { SweepCache } from './sweepCache.ts';
import { giveBack, reserveBuffers, takeBuffers } from './mergeBuffers.ts';

/** One sweep of a merge: its frame, its ego pose (LiDAR → world) and its offset from the open frame. */
export interface MergeSweep {
  frame: DatasetFrame;
  pose: Pose;
  time: number;
}

/**
 * A merge asked of a worker thread: `sweeps` (the open frame first) into the LiDAR frame of
 * `targetPose`, at most `budget` points sent. The encoded messages (`mergedWire`) go to `port` as
 * they are ready, transferred; the answer is the closing `MergedDone` (also sent last on the port).
 */
export interface MergeTask {
  sweeps: MergeSweep[];
  targetPose: Pose;
  budget: number;
  port: MessagePort;
  /** Run the hot loops once on a made-up cloud instead (so the first real merge finds them compiled). */
  warm?: boolean;
  /** After the merge, make the thread's buffers ready for this many sweeps like these (`reserveBuffers`). */
  reserveSweeps?: number;
  /**
   * Only read the sweeps into the thread's memory (`SweepCache`), merging nothing: a merge asked
   * for later only moves and ranks them (`readAhead`).
   */
  readOnly?: boolean;
  /**
   * Only the points in this disc, every one of them (an even sample of `budget` when more), sent
   * once all sweeps are in: the detail of a view zoomed in past the point budget.
   */
  near?: MergedDisc;
}

/**
 * Three small made-up sweeps (40k points each, no file): a warm-up merge runs the same loops on
 * them, so V8 has compiled them before the first real merge (its first batch came 194 ms after the
 * request with cold loops, 26 ms warm).
 */
function madeUpSweeps(pose: Pose): (MergeSweep & { made?: Float32Array })[] {
  return [0, 1, 2].map((time) => {
    const made = new Float32Array(40_000 * 3);
    for (let i = 0; i < made.length; i++) made[i] = (((i + time) * 7919) % 1000) / 25;
    return { frame: { id: `warm-up ${time}` } as DatasetFrame, pose, time, made };
  });
}

/** This thread's parsed sweeps, kept across merges. */
const sweepCache = new SweepCache();

/** Sweeps read and parsed at once (file reads overlap the parsing). */
const PARALLEL = 4;
/** Points per refinement batch (2 MB on the wire). */
const BATCH = 262_144;
/** While sweeps arrive, ranks are sent early only until this share of the budget is sent. */
const STREAM_SHARE = 0.85;

/**
 * Reads the sweeps (a few at a time), moves each through the world into the open frame's LiDAR
 * frame and ranks it as it comes (`StreamingOrder`): its points that open a new 0.4 m voxel go out
 * at once (the open frame first: the first view), with the low ranks the budget will surely reach;
 * once all are in, the rest goes by rank up to the budget. Any prefix of what was sent is an even
 * sample of the merge. A sweep that cannot be read is skipped and named.
 */
export async function runMergeTask(task: MergeTask): Promise<MergedDone> {
  if (task.readOnly === true) return readAhead(task);
  const { targetPose, budget, port } = task;
  const sweeps: (MergeSweep & { made?: Float32Array })[] = task.warm === true ? madeUpSweeps(targetPose) : task.sweeps;
  const t0 = performance.now();
  const post = (bytes: Uint8Array): void => port.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
  // Cancelled by a 'cancel' message (the page went away): the merge stops between two sweeps. The
  // thread lives on (stopping a piscina task ends its thread, and a new one takes ~2 s to load).
  let stopped = false;
  const onMessage = (m: unknown): void => {
    if (m === 'cancel') stopped = true;
  };
  port.on('message', onMessage);
  const buffers = takeBuffers();
  const { lod } = buffers;
  let { positions, time } = buffers;
  let count = 0;
  let sent = 0;
  let firstBatchMs = NaN;
  // A disc's points are not ranked: all of them are its detail.
  const rankOf = task.near ? (): number => 0 : (i: number): number => lod.rankAt(i);
  const send = (order: Uint32Array, from: number, to: number): void => {
    to = Math.min(to, order.length, from + budget - sent);
    if (to <= from) return;
    post(encodeBatch(sent, positions, time, rankOf, order, from, to));
    sent += to - from;
    if (Number.isNaN(firstBatchMs)) firstBatchMs = performance.now() - t0;
  };
  // Read ahead: sweeps are parsed in parallel but appended (and ranked) in order, open frame first.
  const skipped: string[] = [];
  const reads = new Map<number, Promise<Float32Array | null>>();
  const read = (k: number): Promise<Float32Array | null> => {
    let p = reads.get(k);
    if (!p) {
      const made = sweeps[k].made;
      p = (made ? Promise.resolve(made) : sweepCache.positions(sweeps[k].frame)).catch((err: unknown) => {
        skipped.push(`${sweeps[k].frame.id}: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      });
      reads.set(k, p);
    }
    return p;
  };
  let streamBelow = 1;
  for (let k = 0; k < sweeps.length && !stopped; k++) {
    // The open frame alone first (its coarse points are the first view), then read ahead.
    for (let a = k; a < Math.min(sweeps.length, k === 0 ? 1 : k + PARALLEL); a++) void read(a);
    const points = await read(k);
    reads.delete(k);
    if (points) {
      const need = count + points.length / 3;
      if (need > time.length) {
        // The open frame alone first (its coarse points are the first view: a buffer for all the
        // sweeps, 96 MB for 50 of 120k points, took 70 ms to allocate in front of it), then room for all.
        const size = k === 0 ? need : Math.max(need, Math.ceil(time.length * 1.6), (points.length / 3) * sweeps.length);
        const p = new Float32Array(size * 3);
        p.set(positions.subarray(0, count * 3));
        const t = new Float32Array(size);
        t.set(time.subarray(0, count));
        positions = p;
        time = t;
      }
      const from = count;
      const s = sweeps[k];
      count = appendSweep({ positions: points, pose: s.pose, time: s.time }, lidarToLidar(s.pose, targetPose), positions, time, count);
      if (task.near) {
        count = keepInDisc(positions, time, from, count, task.near);
        post(encodeProgress(k + 1, sweeps.length));
        continue;
      }
      const ranked = lod.add(positions, from, count, streamBelow);
      send(ranked, 0, ranked.length);
      streamBelow = sent < STREAM_SHARE * budget ? Math.max(1, lod.rankForBudget(budget, sweeps.length / (k + 1))) : 1;
    }
    post(encodeProgress(k + 1, sweeps.length));
  }
  const t1 = performance.now();
  const { order } = stopped ? { order: new Uint32Array(0) } : task.near ? { order: evenSample(count, budget) } : lod.refine();
  const t2 = performance.now();
  for (let from = 0; from < order.length && sent < budget; from += BATCH) send(order, from, from + BATCH);
  const done: MergedDone = {
    count,
    sent,
    coarse: task.near ? 0 : lod.coarse,
    skipped,
    gatherMs: t1 - t0,
    orderMs: t2 - t1,
    firstBatchMs,
    cached: false,
    ...(stopped ? { cancelled: true } : {}),
  };
  port.off('message', onMessage);
  giveBack({ positions, time, lod });
  if (task.reserveSweeps !== undefined && count > 0) reserveBuffers(count * task.reserveSweeps);
  post(encodeDone(done));
  return done;
}

/**
 * Reads the task's sweeps into the thread's memory (two at a time: one file read overlaps the
 * other's parsing), stopping between two sweeps on a 'cancel' message or once the memory is
 * nearly full (sweeps of big clouds: reading on would drop the nearest, read first). A sweep that cannot be read
 * is left for the merge to name. Answers (and posts) a summary with nothing sent.
 */
async function readAhead(task: MergeTask): Promise<MergedDone> {
  const t0 = performance.now();
  let stopped = false;
  const onMessage = (m: unknown): void => {
    if (m === 'cancel') stopped = true;
  };
  task.port.on('message', onMessage);
  let count = 0;
  const read = (k: number): Promise<number> =>
    sweepCache.positions(task.sweeps[k].frame).then(
      (p) => p.length / 3,
      () => 0,
    );
  let next = task.sweeps.length > 0 ? read(0) : Promise.resolve(0);
  // Nearest sweeps first (the window's order); no further than the thread's memory holds them.
  for (let k = 0; k < task.sweeps.length && !stopped; k++) {
    const current = next;
    if (k + 1 < task.sweeps.length && sweepCache.hasRoom()) next = read(k + 1);
    count += await current;
    if (!sweepCache.hasRoom()) break;
  }
  task.port.off('message', onMessage);
  const done: MergedDone = { count, sent: 0, coarse: 0, skipped: [], gatherMs: performance.now() - t0, orderMs: 0, firstBatchMs: NaN, cached: false };
  if (stopped) done.cancelled = true;
  task.port.postMessage(encodeDone(done));
  return done;
}
