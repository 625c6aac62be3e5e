/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { StreamingOrder } from '../src/domain/lod/streamingOrder.ts';
import { pickInGrid } from '../src/domain/lod/pickInGrid.ts';
import { buildPointGrid } from '../src/domain/geometry/PointGrid.ts';
import type { PointGrid } from '../src/domain/geometry/PointGrid.ts';
import { fitCuboid } from '../src/domain/geometry/fitCuboid.ts';
import type { GroundModel } from '../src/domain/geometry/estimateGround.ts';
import type { ScanSensor } from '../src/domain/sensor/ScanSensor.ts';
import type { Vec3 } from '../src/domain/types.ts';
import type { Pose } from '../src/domain/poses/Pose.ts';
import { gatherSweeps, reorder } from './mergedCloud.ts';
import { hiddenMask } from '../src/domain/geometry/hiddenMask.ts';
import type { HideFilters } from '../src/domain/geometry/hiddenMask.ts';
import { appendSweep } from '../src/domain/lod/mergeSweeps.ts';
import type { SweepRequest } from './mergedCloud.ts';
import type { WorkerFitResult } from './pointCloud.worker.ts';

export type { SweepRequest };

/** A slice of the merged cloud in level-of-detail order (coarse first), transferred. */
export interface MergedBatch {
  start: number;
  positions: Float32Array;
  time: Float32Array;
}

/**
 * What the merge streams back, in order: `sweeps` after each sweep is in; `batch` slices of the
 * level-of-detail order (coarse points of each sweep as it arrives, then the refinement up to the
 * point budget); `done` once every batch was sent (`sent` points in all, `count` in the merge).
 */
export type MergeEvent =
  { type: 'sweeps'; done: number; total: number } | { type: 'batch'; batch: MergedBatch } | { type: 'done'; count: number; sent: number; coarse: number };

export interface MergeSummary {
  key: string;
  count: number;
  sweeps: number;
  skipped: string[];
  /** Worker time: fetching + parsing + moving + ranking the sweeps, and the refinement order once all are in (ms). */
  gatherMs: number;
  orderMs: number;
  /** Worker time from the call to the first coarse batch sent (ms). */
  firstBatchMs: number;
}

/**
 * Points per refinement batch (4 MB): one page of the view; a 12 MB batch took the main thread
 * ~300 ms to copy in on the loaded 2-core machine.
 */
const BATCH = 262_144;
/**
 * While sweeps arrive, ranks are sent early only until this share of the budget is sent: the rest
 * is kept for later sweeps' new voxels (about a tenth of the budget on a 50-sweep drive).
 */
const STREAM_SHARE = 0.85;
/** Points per 0.4 m voxel kept for picking and fitting (about one sweep's density near the sensor). */
const HELD_RANKS = 8;

interface Held {
  key: string;
  positions: Float32Array;
  grid: PointGrid | null;
  zRange: [number, number];
}

let held: Held | null = null;
/** The points sent to the view, in the order sent (x y z, target LiDAR frame, metres), for the visibility filters' mask. */
let shown: { key: string; positions: Float32Array; count: number } | null = null;
const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
let generation = 0;

function gridOf(h: Held): PointGrid {
  if (!h.grid) {
    let lo = Infinity;
    let hi = -Infinity;
    const p = h.positions;
    for (let i = 2; i < p.length; i += 3) {
      if (p[i] < lo) lo = p[i];
      if (p[i] > hi) hi = p[i];
    }
    h.zRange = [lo, hi];
    h.grid = buildPointGrid(p);
  }
  return h.grid;
}

const api = {
  /**
   * Merges the sweeps into the open frame's LiDAR frame (`targetPose`) and streams them back in a
   * level-of-detail order (`StreamingOrder`, transferred): as each sweep arrives its points that
   * open a new 0.4 m voxel are sent at once (the first view: the open frame's sweep, thinned to a
   * point a voxel, then every sweep's new voxels) with the low ranks the budget will surely reach
   * (estimated from the sweeps so far), and once all are in the rest by rank up to `budget` points. Keeps the merge thinned to HELD_RANKS points a voxel (within the budget) for
   * picking and fitting. A newer `merge` call cancels this one.
   */
  async merge(key: string, sweeps: SweepRequest[], targetPose: Pose, budget: number, onEvent: (e: MergeEvent) => void): Promise<MergeSummary | null> {
    const mine = ++generation;
    held = null;
    const mineShown = { key, positions: new Float32Array(Math.max(0, budget) * 3), count: 0 };
    shown = mineShown;
    const cancelled = () => mine !== generation;
    const t0 = performance.now();
    // Sized for the first sweeps, grown as more come: a voxel table sized for the whole merge up
    // front (16 MB) page-faulted on every first touch and made the first batch several times slower.
    const lod = new StreamingOrder(0.4, 262_144);
    let sent = 0;
    let firstBatchMs = NaN;
    const send = (positions: Float32Array, time: Float32Array, order: Uint32Array, start: number, end: number): void => {
      end = Math.min(end, order.length, start + budget - sent);
      if (end <= start) return;
      const slice = reorder(positions, time, order, start, end);
      mineShown.positions.set(slice.positions, sent * 3);
      mineShown.count = sent + end - start;
      const batch: MergedBatch = { start: sent, positions: slice.positions, time: slice.time };
      onEvent(transfer({ type: 'batch', batch }, [slice.positions.buffer as ArrayBuffer, slice.time.buffer as ArrayBuffer]));
      sent += end - start;
      if (Number.isNaN(firstBatchMs)) firstBatchMs = performance.now() - t0;
    };
    let streamBelow = 1;
    const gathered = await gatherSweeps(
      sweeps,
      targetPose,
      (done, added) => {
        if (cancelled()) return;
        const ranked = lod.add(added.positions, added.from, added.to, streamBelow);
        send(added.positions, added.time, ranked, 0, ranked.length);
        // Send the ranks that will be drawn while later sweeps arrive (so the view refines meanwhile).
        streamBelow = sent < STREAM_SHARE * budget ? Math.max(1, lod.rankForBudget(budget, sweeps.length / done)) : 1;
        onEvent({ type: 'sweeps', done, total: sweeps.length });
      },
      cancelled,
    );
    if (cancelled()) return null;
    const t1 = performance.now();
    const { order } = lod.refine();
    const t2 = performance.now();
    for (let start = 0; start < order.length && sent < budget && !cancelled(); start += BATCH) {
      send(gathered.positions, gathered.time, order, start, start + BATCH);
      // Let picks and fits of the previous merge in between batches.
      await new Promise((r) => setTimeout(r, 0));
    }
    if (cancelled()) return null;
    onEvent({ type: 'done', count: gathered.count, sent, coarse: lod.coarse });
    // Picks and fits use at most HELD_RANKS points a voxel (within the view's budget): the merge's
    // density near the sensor is capped, so a fit gathers a few thousand points, not fifty sweeps' worth.
    const heldOrder = lod.below(HELD_RANKS, budget);
    held = { key, positions: reorder(gathered.positions, gathered.time, heldOrder, 0, heldOrder.length).positions, grid: null, zRange: [0, 0] };
    return { key, count: gathered.count, sweeps: sweeps.length, skipped: gathered.skipped, gatherMs: t1 - t0, orderMs: t2 - t1, firstBatchMs };
  },

  /**
   * Runs the merge's hot loops once on a small made-up cloud (moving, ranking, reordering), so
   * they are compiled before a real merge needs them; returns its time in ms.
   */
  warm(): number {
    const t = performance.now();
    const n = 40_000;
    const p = new Float32Array(n * 3);
    for (let i = 0; i < p.length; i++) p[i] = ((i * 7919) % 1000) / 25;
    const out = new Float32Array(n * 3);
    const time = new Float32Array(n);
    appendSweep({ positions: p, pose: IDENTITY, time: 0 }, IDENTITY, out, time, 0);
    // A few rounds: one call leaves the ranking loop unoptimised for the first real sweep.
    for (let round = 0; round < 3; round++) {
      const lod = new StreamingOrder(0.4, n);
      const first = lod.add(out, 0, n / 2);
      lod.add(out, n / 2, n, 4);
      reorder(out, time, first, 0, first.length);
      lod.below(HELD_RANKS, n);
      lod.refine();
    }
    return performance.now() - t;
  },

  /** Builds the merged cloud's grid now (else the first pick or fit does); returns its time in ms. */
  prepare(key: string): number {
    if (held?.key !== key) return -1;
    const t = performance.now();
    gridOf(held);
    return performance.now() - t;
  },

  /** The merged point under a view ray (target LiDAR frame), or null; see `pickInGrid`. */
  pick(key: string, origin: Vec3, direction: Vec3): { point: Vec3; ms: number } | null {
    if (held?.key !== key) return null;
    const t = performance.now();
    const i = pickInGrid(gridOf(held), held.zRange, origin, direction);
    const p = held.positions;
    return i < 0 ? null : { point: [p[i * 3], p[i * 3 + 1], p[i * 3 + 2]], ms: performance.now() - t };
  },

  /**
   * A one-click fit on the merged cloud (a static object seen from many places), with the open
   * frame's ground and sensor model (the merged cloud is in its frame); null when nothing is there.
   */
  fit(key: string, point: Vec3, opts: { label: string; ground?: GroundModel; sensor?: ScanSensor }): (WorkerFitResult & { ms: number }) | null {
    if (held?.key !== key) return null;
    const grid = gridOf(held);
    const t = performance.now();
    const r = fitCuboid(held.positions, { x: point[0], y: point[1], z: point[2] }, { label: opts.label, grid, ground: opts.ground, sensor: opts.sensor });
    if (!r) return null;
    const { center, size, yaw, pointCount, headingCandidates, headingSource, confidence, topSeen } = r;
    return { center, size, yaw, pointCount, headingCandidates, headingSource, confidence, topSeen, ms: performance.now() - t };
  },

  /**
   * Which points sent to the view the ground and hidden-box filters hide (1), in the order sent,
   * transferred; null when the merge is not this one or nothing is hidden. The ground is the open
   * frame's model and the boxes are the open frame's (the merge is in its LiDAR frame): a static
   * object's points from every sweep fall in its box; a moving one's trail outside it stays shown.
   */
  hiddenMask(key: string, filters: HideFilters): Uint8Array | null {
    if (shown?.key !== key) return null;
    const mask = hiddenMask(shown.positions.subarray(0, shown.count * 3), filters);
    return mask ? transfer(mask, [mask.buffer as ArrayBuffer]) : null;
  },

  /** Drops the merged cloud (the view went back to one sweep). */
  release(): void {
    generation++;
    held = null;
    shown = null;
  },
};

export type MergeWorkerApi = typeof api;
expose(api);
