/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { progressiveOrder } from '../src/domain/lod/progressiveOrder.ts';
import { pickInGrid } from '../src/domain/lod/pickInGrid.ts';
import { buildPointGrid } from '../src/domain/geometry/PointGrid.ts';
import type { PointGrid } from '../src/domain/geometry/PointGrid.ts';
import { fitCuboid } from '../src/domain/geometry/fitCuboid.ts';
import type { GroundModel } from '../src/domain/geometry/estimateGround.ts';
import type { ScanSensor } from '../src/domain/sensor/ScanSensor.ts';
import type { Vec3 } from '../src/domain/types.ts';
import type { Pose } from '../src/domain/poses/Pose.ts';
import { gatherSweeps, reorder } from './mergedCloud.ts';
import type { SweepRequest } from './mergedCloud.ts';
import type { WorkerFitResult } from './pointCloud.worker.ts';

export type { SweepRequest };

/** A slice of the merged cloud in level-of-detail order (coarse first), transferred. */
export interface MergedBatch {
  start: number;
  positions: Float32Array;
  time: Float32Array;
}

export type MergeEvent =
  { type: 'sweeps'; done: number; total: number } | { type: 'order'; count: number; buildMs: number } | { type: 'batch'; batch: MergedBatch };

export interface MergeSummary {
  key: string;
  count: number;
  sweeps: number;
  skipped: string[];
  /** Worker time: fetching + parsing + moving the sweeps, and building the LOD order (ms). */
  gatherMs: number;
  orderMs: number;
}

/** The first batch (one LOD chunk of the view): one point of most occupied voxels, so the first view covers the whole merge. */
const FIRST_BATCH = 262_144;
const BATCH = 786_432;
/** Points per 0.4 m voxel kept for picking and fitting (about one sweep's density near the sensor). */
const HELD_RANKS = 8;

interface Held {
  key: string;
  positions: Float32Array;
  grid: PointGrid | null;
  zRange: [number, number];
}

let held: Held | null = null;
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
   * Merges the sweeps into the open frame's LiDAR frame (`targetPose`), orders the points
   * coarse-first (`progressiveOrder`) and sends them in batches (transferred): a first batch that
   * covers the whole merge, then the rest. Keeps the merged cloud (and builds its grid after the
   * last batch) for picking and fitting, thinned to `budget` points and HELD_RANKS a voxel. A
   * newer `merge` call cancels this one.
   */
  async merge(key: string, sweeps: SweepRequest[], targetPose: Pose, budget: number, onEvent: (e: MergeEvent) => void): Promise<MergeSummary | null> {
    const mine = ++generation;
    held = null;
    const cancelled = () => mine !== generation;
    const t0 = performance.now();
    const gathered = await gatherSweeps(sweeps, targetPose, (done) => onEvent({ type: 'sweeps', done, total: sweeps.length }), cancelled);
    if (cancelled()) return null;
    const t1 = performance.now();
    const { order, levelStart } = progressiveOrder(gathered.positions, { count: gathered.count });
    const t2 = performance.now();
    onEvent({ type: 'order', count: order.length, buildMs: t2 - t1 });
    for (let start = 0; start < order.length && !cancelled();) {
      const end = Math.min(order.length, start + (start === 0 ? FIRST_BATCH : BATCH));
      const slice = reorder(gathered.positions, gathered.time, order, start, end);
      const batch: MergedBatch = { start, positions: slice.positions, time: slice.time };
      onEvent(transfer({ type: 'batch', batch }, [slice.positions.buffer as ArrayBuffer, slice.time.buffer as ArrayBuffer]));
      start = end;
      // Let picks and fits of the previous merge in between batches.
      await new Promise((r) => setTimeout(r, 0));
    }
    if (cancelled()) return null;
    // Picks and fits use the first levels (at most HELD_RANKS points a voxel, within the view's
    // budget): the merge's density near the sensor is capped, so a fit gathers a few thousand
    // points, not fifty sweeps' worth.
    const keep = Math.min(budget, levelStart[Math.min(HELD_RANKS, levelStart.length - 1)]);
    held = { key, positions: reorder(gathered.positions, gathered.time, order, 0, keep).positions, grid: null, zRange: [0, 0] };
    return { key, count: order.length, sweeps: sweeps.length, skipped: gathered.skipped, gatherMs: t1 - t0, orderMs: t2 - t1 };
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

  /** Drops the merged cloud (the view went back to one sweep). */
  release(): void {
    generation++;
    held = null;
  },
};

export type MergeWorkerApi = typeof api;
expose(api);
