import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { startSweepMerger } from '../../../src/services/sweepMerger.ts';
import { MergedClouds } from '../../../src/io/mergedClouds.ts';
import type { PageIo } from '../../../src/services/pageIo.ts';
import type { FrameListItem } from '../../../src/domain/document/FrameListItem.ts';
import type { PosesResponse } from '../../../src/domain/poses/Pose.ts';
import type { MergeEvent } from '../../../workers/merge.worker.ts';
import { rigidFromYaw } from '../../../src/domain/poses/rigid.ts';

const mergedClouds = new MergedClouds();

const frame = (id: string): FrameListItem =>
  ({ id, pointsFile: `${id}.bin`, hasCalib: true, hasImage: false, hasLabel: false, pointCount: 2, status: 'todo', boxCount: 0, revision: 0 }) as FrameListItem;

function setup(poses: PosesResponse) {
  const store = createAppStore();
  store.getState().setFrames(['000000', '000001', '000002', '000003'].map(frame));
  store.getState().setCurrentFrame('000001');
  const asked: string[] = [];
  const prefetched: string[] = [];
  const read: string[] = [];
  const io = {
    api: {
      readSweepsAhead: async (id: string, n: number) => {
        read.push(`${id}:${n}`);
        return true;
      },
      getPoses: async () => poses,
      mergedUrl: (id: string, n: number, budget: number) => `/api/frames/${id}/merged?sweeps=${n}&budget=${budget}`,
      prefetchMerged: async (id: string, n: number) => {
        prefetched.push(`${id}:${n}`);
        return true;
      },
    },
    mergedClouds,
    mergeWorker: () => ({
      merge: async (key: string, url: string, _budget: number, onEvent: (e: MergeEvent) => void) => {
        asked.push(url);
        onEvent({ type: 'batch', batch: { start: 0, positions: new Float32Array([1, 2, 3]), time: new Float32Array([0]) } });
        onEvent({ type: 'sweeps', done: 3, total: 3 });
        onEvent({ type: 'batch', batch: { start: 1, positions: new Float32Array([4, 5, 6]), time: new Float32Array([-1]) } });
        onEvent({ type: 'done', count: 3, sent: 2, coarse: 1 });
        return { key, count: 3, sweeps: 3, skipped: [], gatherMs: 1, orderMs: 1, firstBatchMs: 1, headersMs: 1, serverFirstBatchMs: 1, cached: false };
      },
      prepare: async () => 0,
      release: async () => undefined,
    }),
  } as unknown as PageIo;
  return { store, io, asked, prefetched, read };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('sweepMerger', () => {
  it('asks the server for the merge around the open frame, and fills the merged cloud as batches come', async () => {
    const pose = (x: number) => ({ sequence: '', pose: rigidFromYaw(0, [x, 0, 0]) });
    const { store, io, asked, prefetched } = setup({ frames: { '000000': pose(0), '000001': pose(1), '000002': pose(2), '000003': pose(3) } });
    const stop = startSweepMerger(store, io);
    store.getState().setMergeSweeps(1);
    await settle();
    // The server merges (GET /api/frames/:id/merged); the page asks for the open frame, the sweeps each side and its point budget.
    expect(asked).toEqual(['/api/frames/000001/merged?sweeps=1&budget=2000000']);
    expect(store.getState().merge.sweepCount).toBe(3);
    // Once shown, the next frame's merge is asked for ahead.
    expect(prefetched).toEqual(['000002:1']);
    const m = store.getState().merge;
    expect(m.status).toBe('ready');
    expect(m.key).toBe('merged:000001:1:2000000');
    expect(m.timeRange).toEqual([-1, 1]);
    const cloud = mergedClouds.get(m.key!);
    expect(cloud?.complete).toBe(true);
    expect(cloud!.received).toBe(2);
    expect(cloud!.total).toBe(3);
    expect(m.points).toBe(3);
    const drawn = cloud!.slice(0, 2);
    expect(Array.from(drawn.time)).toEqual([0, -1]);
    expect(Array.from(drawn.positions)).toEqual([1, 2, 3, 4, 5, 6]);
    store.getState().setMergeSweeps(0);
    expect(store.getState().merge.status).toBe('off');
    expect(mergedClouds.get('merged:000001:1:2000000')).toBeUndefined();
    stop();
  });

  it('with sweeps off, asks the server to read the sweeps around each loaded frame ahead (frames with a pose only)', async () => {
    vi.useFakeTimers();
    try {
      const pose = (x: number) => ({ sequence: '', pose: rigidFromYaw(0, [x, 0, 0]) });
      const { store, io, asked, read } = setup({ frames: { '000000': pose(0), '000001': pose(1), '000002': pose(2) } });
      const stop = startSweepMerger(store, io);
      store.getState().setLoad({ status: 'done' });
      await vi.advanceTimersByTimeAsync(1000);
      // The widest window a merge can ask for, so any choice finds its sweeps read.
      expect(read).toEqual(['000001:25']);
      expect(asked).toEqual([]);
      // Another frame: read once it has loaded, not before.
      store.getState().setLoad({ status: 'loading' });
      store.getState().setCurrentFrame('000002');
      await vi.advanceTimersByTimeAsync(1000);
      expect(read).toEqual(['000001:25']);
      store.getState().setLoad({ status: 'done' });
      await vi.advanceTimersByTimeAsync(1000);
      expect(read).toEqual(['000001:25', '000002:25']);
      // A frame without a pose is not read ahead; nor is one opened with sweeps already on (it is merged).
      store.getState().setLoad({ status: 'loading' });
      store.getState().setCurrentFrame('000003');
      store.getState().setLoad({ status: 'done' });
      await vi.advanceTimersByTimeAsync(1000);
      store.getState().setMergeSweeps(1);
      store.getState().setLoad({ status: 'loading' });
      store.getState().setCurrentFrame('000000');
      store.getState().setLoad({ status: 'done' });
      await vi.advanceTimersByTimeAsync(1000);
      expect(read).toEqual(['000001:25', '000002:25']);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks again with a new point budget; a software renderer’s suggestion gives way to the user’s choice', async () => {
    const pose = (x: number) => ({ sequence: '', pose: rigidFromYaw(0, [x, 0, 0]) });
    const { store, io, asked } = setup({ frames: { '000000': pose(0), '000001': pose(1), '000002': pose(2) } });
    const stop = startSweepMerger(store, io);
    store.getState().suggestPointBudget(500_000);
    store.getState().setMergeSweeps(1);
    await settle();
    store.getState().setPointBudget(1_000_000);
    await settle();
    store.getState().suggestPointBudget(500_000);
    await settle();
    expect(asked).toEqual(['/api/frames/000001/merged?sweeps=1&budget=500000', '/api/frames/000001/merged?sweeps=1&budget=1000000']);
    expect(store.getState().merge.key).toBe('merged:000001:1:1000000');
    store.getState().setPointBudget(50);
    expect(store.getState().view.pointBudget).toBe(100_000);
    store.getState().setMergeSweeps(0);
    stop();
  });

  it('keeps the last merged cloud on screen, moved into the next frame, until the next merge is on the GPU', async () => {
    const pose = (x: number) => ({ sequence: 's', pose: rigidFromYaw(0, [x, 0, 0]) });
    const { store, io } = setup({ frames: { '000000': pose(0), '000001': pose(1), '000002': pose(3), '000003': pose(4) } });
    // The second merge sends its first batch only when told.
    const base = io.mergeWorker();
    let release: (() => void) | null = null;
    let calls = 0;
    (io as { mergeWorker: () => unknown }).mergeWorker = () => ({
      ...base,
      merge: async (key: string, url: string, budget: number, onEvent: (e: MergeEvent) => void) => {
        if (calls++ === 1) await new Promise<void>((r) => (release = r));
        return base.merge(key, url, budget, onEvent);
      },
    });
    const stop = startSweepMerger(store, io);
    store.getState().setMergeSweeps(1);
    await settle();
    const first = store.getState().merge.key!;
    // Not drawn yet, a merge is not kept: stepping now would leave the open frame's sweep on screen.
    expect(store.getState().merge.onScreen).toBe(false);
    // The view draws it (`MergedCloudLayer` once its first view is on the GPU).
    store.getState().patchMerge({ onScreen: true });
    store.getState().setCurrentFrame('000002');
    await settle();
    let m = store.getState().merge;
    // Nothing of the new merge yet: the last cloud stays, moved from 000001 (x = 1) into 000002 (x = 3).
    expect(m.key).toBeNull();
    expect(m.stale?.key).toBe(first);
    expect(m.stale?.matrix[3]).toBeCloseTo(-2);
    expect(mergedClouds.get(first)).toBeDefined();
    release!();
    await settle();
    m = store.getState().merge;
    // The new merge loads out of sight; once the view has it on the GPU it lets the kept one go, and its points go.
    expect(m.key).toBe('merged:000002:1:2000000');
    expect(m.stale?.key).toBe(first);
    store.getState().patchMerge({ stale: null, onScreen: true });
    expect(mergedClouds.get(first)).toBeUndefined();
    expect(mergedClouds.get('merged:000002:1:2000000')).toBeDefined();
    // A new sweep count keeps the cloud in place (same frame) until the new one arrives; turned off, nothing is kept.
    store.getState().setMergeSweeps(2);
    expect(store.getState().merge.stale?.matrix).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    store.getState().setMergeSweeps(0);
    expect(store.getState().merge.stale).toBeNull();
    stop();
  });

  it('keeps no merge that was never drawn: stepping then leaves the open frame’s sweep on screen', async () => {
    const pose = (x: number) => ({ sequence: 's', pose: rigidFromYaw(0, [x, 0, 0]) });
    const { store, io } = setup({ frames: { '000000': pose(0), '000001': pose(1), '000002': pose(3), '000003': pose(4) } });
    const stop = startSweepMerger(store, io);
    store.getState().setMergeSweeps(1);
    await settle();
    const first = store.getState().merge.key!;
    store.getState().setCurrentFrame('000002');
    expect(store.getState().merge.stale).toBeNull();
    expect(mergedClouds.get(first)).toBeUndefined();
    await settle();
    expect(store.getState().merge.key).toBe('merged:000002:1:2000000');
    store.getState().setMergeSweeps(0);
    stop();
  });

  it('says why there is no merge when the dataset has no poses', async () => {
    const { store, io, asked } = setup({ frames: {}, warnings: ['poses.txt: 3 lines for 4 frames (line i is the i-th frame)'] });
    const stop = startSweepMerger(store, io);
    store.getState().setMergeSweeps(2);
    await settle();
    expect(asked).toEqual([]);
    expect(store.getState().merge.status).toBe('unavailable');
    expect(store.getState().merge.message).toMatch(/poses\.txt: 3 lines for 4 frames/);
    stop();
  });
});
