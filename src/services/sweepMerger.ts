import { proxy } from 'comlink';
import type { AppStore } from '../state/createAppStore.ts';
import type { PageIo } from './pageIo.ts';
import { IDENTITY_POSE, type PosesResponse } from '../domain/poses/Pose.ts';
import { sweepWindow } from '../domain/lod/mergeSweeps.ts';
import type { MergeEvent } from '../../workers/merge.worker.ts';
import type { MergedCloud } from '../io/mergedClouds.ts';
import { lidarToLidar } from '../domain/poses/worldTransforms.ts';
import { MAX_SWEEPS_EACH_SIDE } from '../domain/lod/mergeSweeps.ts';

/** Delay after the first frame is loaded before the poses and the merge worker are readied (ms). */
const WARM_UP_MS = 400;
/** Delay after a frame is loaded (merge off) before the server is asked to read its sweeps ahead (ms). */
const READ_AHEAD_MS = 200;

/**
 * Multi-sweep accumulation: while `merge.sweeps` > 0, the open frame's view holds its own sweep
 * and up to that many before and after it, merged in the merge worker through the ego poses
 * (`GET /api/poses`) into the open frame's LiDAR frame and streamed back coarse-first into
 * `io.mergedClouds` (each sweep's new voxels as it arrives, then the refinement). Follows the open frame and the setting; a frame without a pose (or a dataset
 * without poses) says so in `merge.message`. Returns a function that stops it.
 */
export function startSweepMerger(store: AppStore, io: PageIo): () => void {
  let poses: Promise<PosesResponse> | null = null;
  let wanted = '';
  let stopped = false;
  /** The way the annotator last stepped through the frames (+1 or −1), for merging ahead. */
  let step = 1;
  let lastIndex = -1;
  /** The poses once read (the transform of a kept merged cloud into the next frame needs them at once). */
  let posesRead: PosesResponse | null = null;
  /** The frame each merged cloud on screen or kept was merged in, by key. */
  const frameOfKey = new Map<string, string>();

  /** The transform from `from`'s LiDAR frame into `to`'s, when both have poses of one sequence. */
  const between = (from: string, to: string): number[] | null => {
    if (from === to) return [...IDENTITY_POSE];
    const a = posesRead?.frames[from];
    const b = posesRead?.frames[to];
    return a && b && a.sequence === b.sequence ? lidarToLidar(a.pose, b.pose) : null;
  };
  const forget = (key: string): void => {
    io.mergedClouds.delete(key);
    frameOfKey.delete(key);
  };
  /** The merged cloud kept on screen while the next one loads (`merge.stale`), by key. */
  let keptKey: string | null = null;
  /** Drops the merged cloud kept on screen while the next one loads. */
  const dropStale = (): void => {
    if (keptKey !== null) forget(keptKey);
    keptKey = null;
    if (store.getState().merge.stale) store.getState().patchMerge({ stale: null });
  };

  const posesOnce = (): Promise<PosesResponse> =>
    (poses ??= io.api.getPoses().then(
      (r) => (posesRead = r),
      (err: unknown) => {
        poses = null;
        throw err;
      },
    ));

  const run = async (frameId: string, n: number, budget: number, key: string): Promise<void> => {
    const set = store.getState().patchMerge;
    set({
      status: 'loading',
      key: null,
      onScreen: false,
      sweepCount: 0,
      sweepsDone: 0,
      points: 0,
      drawn: 0,
      message: null,
      firstViewMs: null,
      fullDetailMs: null,
      cached: null,
      joined: null,
      requestedAt: performance.now(),
    });
    let response: PosesResponse;
    try {
      response = await posesOnce();
    } catch (err) {
      if (wanted === key) {
        dropStale();
        set({ status: 'error', message: `Could not read the ego poses: ${err instanceof Error ? err.message : String(err)}` });
      }
      return;
    }
    if (wanted !== key) return;
    performance.mark('merge:poses');
    const frames = store.getState().frames;
    const index = frames.findIndex((f) => f.id === frameId);
    if (lastIndex >= 0 && index !== lastIndex) step = index < lastIndex ? -1 : 1;
    lastIndex = index;
    const framePoses = frames.map((f) => response.frames[f.id] ?? null);
    const window = index < 0 ? [] : sweepWindow(framePoses, index, n);
    if (window.length === 0) {
      const why = response.warnings?.length ? response.warnings.join('; ') : 'the dataset has no ego pose for this frame (poses.txt, oxts or ego_pose)';
      dropStale();
      set({ status: 'unavailable', message: `Sweeps cannot be merged: ${why}` });
      return;
    }
    const offsets = window.map((i) => i - index);
    set({ sweepCount: window.length, timeRange: [Math.min(...offsets), Math.max(...offsets)] });
    // The cloud (and `merge.key`, which swaps the view to it) comes with the first batch, so the
    // open frame stays on screen until merged points can replace it.
    let cloud: MergedCloud | null = null;
    let progressAt = -Infinity;
    const cloudOnce = (): MergedCloud => {
      if (!cloud) {
        cloud = io.mergedClouds.create(key);
        frameOfKey.set(key, frameId);
        // A cloud kept on screen meanwhile stays until this one is on the GPU (`MergedCloudLayer`).
        set({ key });
      }
      return cloud;
    };
    const onEvent = proxy((e: MergeEvent) => {
      if (wanted !== key) return;
      if (e.type === 'sweeps') {
        // The progress line re-renders the panel: at most every 200 ms, and the last sweep.
        const now = performance.now();
        if (e.done === e.total || now - progressAt >= 200) {
          progressAt = now;
          set({ sweepsDone: e.done });
        }
      } else if (e.type === 'done') {
        const c = cloudOnce();
        c.total = e.count;
        c.complete = true;
        set({ points: e.count });
        io.mergedClouds.notify(key);
      } else {
        if (!cloud) performance.mark('merge:first-batch');
        cloudOnce().append(e.batch);
        io.mergedClouds.notify(key);
      }
    });
    try {
      const summary = await io.mergeWorker().merge(key, io.api.mergedUrl(frameId, n, budget), budget, onEvent);
      if (wanted !== key || !summary) return;
      // For a performance trace: where the time to the first batch went (worker and server clocks).
      performance.mark(
        `merge:worker headers@${Math.round(summary.headersMs)} first-batch@${Math.round(summary.firstBatchMs)} server-first-batch@${Math.round(summary.serverFirstBatchMs)}`,
      );
      set({
        status: 'ready',
        gatherMs: summary.gatherMs,
        orderMs: summary.orderMs,
        firstBatchMs: summary.firstBatchMs,
        cached: summary.cached,
        joined: summary.joined,
        message: summary.skipped.length ? `Skipped: ${summary.skipped.join('; ')}` : null,
      });
      void io.mergeWorker().prepare(key);
      // The frame an annotator steps to next (the way they last stepped) is merged ahead on the
      // server, so stepping with sweeps shown finds it ready.
      const next = frames[index + step]?.id;
      if (next !== undefined) io.api.prefetchMerged(next, n, budget).catch(() => undefined);
    } catch (err) {
      if (wanted === key) {
        dropStale();
        set({ status: 'error', message: `Merging sweeps failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
  };

  const update = (): void => {
    if (stopped) return;
    const s = store.getState();
    // The view let the kept cloud go (the new one is on the GPU): its points go too.
    if (keptKey !== null && s.merge.stale?.key !== keptKey) {
      forget(keptKey);
      keptKey = null;
    }
    const frameId = s.currentFrameId;
    const n = s.merge.sweeps;
    // The budget is part of the key: a new budget asks the server again (it sends up to the budget).
    const key = frameId !== null && n > 0 ? `merged:${frameId}:${n}:${s.view.pointBudget}` : '';
    if (key === wanted) return;
    const old = s.merge.key;
    wanted = key;
    if (key !== '') {
      // What is on screen (a kept cloud while `old` loads out of sight, else `old` once drawn)
      // stays there, moved into the open frame, until the new merge is on the GPU
      // (`MergedCloudLayer`): stepping with sweeps shown never drops to one sweep or to a coarse
      // first batch. A merge not drawn yet goes, and the open frame's sweep stays.
      const kept = s.merge.stale?.key ?? (s.merge.onScreen ? old : null);
      const from = kept === null ? undefined : frameOfKey.get(kept);
      const matrix = from === undefined ? null : between(from, frameId as string);
      if (old !== null && old !== kept) forget(old);
      if (kept !== null && matrix !== null) {
        keptKey = kept;
        s.patchMerge({ stale: { key: kept, matrix } });
      } else {
        if (old !== null && old === kept) forget(old);
        dropStale();
      }
    } else {
      if (old) forget(old);
      dropStale();
    }
    if (key === '') {
      if (s.merge.status !== 'off') {
        void io.mergeWorker().release();
        s.patchMerge({ status: 'off', key: null, onScreen: false, points: 0, drawn: 0, message: null });
      }
      return;
    }
    void run(frameId as string, n, s.view.pointBudget, key);
  };
  const unsubscribe = store.subscribe(update);
  update();
  // Warm up once the first frame is loaded: the poses and the merge worker (its module loaded),
  // so turning the merge on does not wait for them (the worker's start took ~100 ms of a first view).
  let warm: ReturnType<typeof setTimeout> | undefined;
  const warmUp = (): void => {
    if (stopped || store.getState().frames.length < 2) return;
    posesOnce().catch(() => undefined);
    void Promise.resolve(io.mergeWorker().warm?.()).catch(() => undefined);
  };
  const untilLoaded = store.subscribe((s) => {
    if (s.load.status !== 'done' || warm !== undefined) return;
    warm = setTimeout(warmUp, WARM_UP_MS);
    untilLoaded();
  });
  // While the merge is off, the sweeps around each frame opened (of a sequence with poses) are
  // read ahead on the server once the frame has loaded: turning sweeps on then only moves and
  // ranks them (on a first open, reading 50 compressed sweeps was most of the merge's time).
  let readFor: string | null = null;
  let readTimer: ReturnType<typeof setTimeout> | undefined;
  const readAhead = (frameId: string): void => {
    const s = store.getState();
    if (stopped || s.currentFrameId !== frameId || s.merge.sweeps > 0) return;
    posesOnce()
      .then((p) => {
        if (!stopped && p.frames[frameId] !== undefined && store.getState().merge.sweeps === 0) return io.api.readSweepsAhead(frameId, MAX_SWEEPS_EACH_SIDE);
        return false;
      })
      .catch(() => undefined);
  };
  const untilRead = store.subscribe((s) => {
    if (s.load.status !== 'done' || s.currentFrameId === null || s.currentFrameId === readFor || s.merge.sweeps > 0 || s.frames.length < 2) return;
    readFor = s.currentFrameId;
    clearTimeout(readTimer);
    readTimer = setTimeout(readAhead, READ_AHEAD_MS, readFor);
  });
  return () => {
    clearTimeout(readTimer);
    untilRead();
    clearTimeout(warm);
    untilLoaded();
    stopped = true;
    unsubscribe();
    const key = store.getState().merge.key;
    if (key) forget(key);
    dropStale();
  };
}
