import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { startSweepMerger } from '../../../src/services/sweepMerger.ts';
import { MergedClouds } from '../../../src/io/mergedClouds.ts';
import type { PageIo } from '../../../src/services/pageIo.ts';
import type { FrameListItem } from '../../../src/domain/document/FrameListItem.ts';
import type { PosesResponse } from '../../../src/domain/poses/Pose.ts';
import type { MergeEvent, SweepRequest } from '../../../workers/merge.worker.ts';
import { rigidFromYaw } from '../../../src/domain/poses/rigid.ts';

const mergedClouds = new MergedClouds();

const frame = (id: string): FrameListItem =>
  ({ id, pointsFile: `${id}.bin`, hasCalib: true, hasImage: false, hasLabel: false, pointCount: 2, status: 'todo', boxCount: 0, revision: 0 }) as FrameListItem;

function setup(poses: PosesResponse) {
  const store = createAppStore();
  store.getState().setFrames(['000000', '000001', '000002', '000003'].map(frame));
  store.getState().setCurrentFrame('000001');
  const asked: SweepRequest[][] = [];
  const io = {
    api: { getPoses: async () => poses, pointsUrl: (id: string) => `/api/frames/${id}/points` },
    mergedClouds,
    // The open frame's points are on the page: sent with its sweep, not fetched again.
    frameCache: { peek: (id: string) => (id === '000001' ? { complete: true, renderCount: 1, positions: new Float32Array([7, 8, 9, 0, 0, 0]) } : undefined) },
    mergeWorker: () => ({
      merge: async (key: string, sweeps: SweepRequest[], _pose: unknown, _budget: number, onEvent: (e: MergeEvent) => void) => {
        asked.push(sweeps);
        onEvent({ type: 'batch', batch: { start: 0, positions: new Float32Array([1, 2, 3]), time: new Float32Array([0]) } });
        onEvent({ type: 'sweeps', done: sweeps.length, total: sweeps.length });
        onEvent({ type: 'batch', batch: { start: 1, positions: new Float32Array([4, 5, 6]), time: new Float32Array([-1]) } });
        onEvent({ type: 'done', count: 3, sent: 2, coarse: 1 });
        return { key, count: 3, sweeps: sweeps.length, skipped: [], gatherMs: 1, orderMs: 1, firstBatchMs: 1 };
      },
      prepare: async () => 0,
      release: async () => undefined,
    }),
  } as unknown as PageIo;
  return { store, io, asked };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('sweepMerger', () => {
  it('merges the window around the open frame with each sweep pose and offset, and fills the merged cloud', async () => {
    const pose = (x: number) => ({ sequence: '', pose: rigidFromYaw(0, [x, 0, 0]) });
    const { store, io, asked } = setup({ frames: { '000000': pose(0), '000001': pose(1), '000002': pose(2), '000003': pose(3) } });
    const stop = startSweepMerger(store, io);
    store.getState().setMergeSweeps(1);
    await settle();
    expect(asked[0].map((s) => [s.frameId, s.time])).toEqual([
      ['000001', 0],
      ['000002', 1],
      ['000000', -1],
    ]);
    expect(asked[0][1].pose[3]).toBe(2);
    expect(Array.from(asked[0][0].positions ?? [])).toEqual([7, 8, 9]);
    expect(asked[0][1].positions).toBeUndefined();
    const m = store.getState().merge;
    expect(m.status).toBe('ready');
    expect(m.key).toBe('merged:000001:1');
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
    expect(mergedClouds.get('merged:000001:1')).toBeUndefined();
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
