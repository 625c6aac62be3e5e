import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { startMergeDetail } from '../../../src/services/mergeDetail.ts';
import { MergedClouds } from '../../../src/io/mergedClouds.ts';
import type { PageIo } from '../../../src/services/pageIo.ts';
import type { MergeEvent } from '../../../workers/merge.worker.ts';
import { focusOfView, FOCUS_REACH } from '../../../src/render/mergedDetailFocus.ts';

/** A store with a merge of 3M points wholly in and 0.5M of them drawn, and a page whose merge worker answers every disc with two points. */
function setup() {
  const store = createAppStore();
  store.getState().setCurrentFrame('000001');
  store.getState().setMergeSweeps(5);
  store.getState().patchMerge({ status: 'ready', key: 'merged:000001:5:500000', onScreen: true, points: 3_000_000, drawn: 500_000 });
  const asked: string[] = [];
  let released = 0;
  const keptInWorker: string[][] = [];
  const mergedClouds = new MergedClouds();
  const io = {
    api: {
      mergedNearUrl: (id: string, n: number, budget: number, d: { x: number; y: number; radius: number }) =>
        `/api/frames/${id}/merged?sweeps=${n}&budget=${budget}&near=${d.x},${d.y},${d.radius}`,
    },
    mergedClouds,
    mergeWorker: () => ({
      near: async (_key: string, url: string, _budget: number, onEvent: (e: MergeEvent) => void) => {
        asked.push(url);
        onEvent({ type: 'batch', batch: { start: 0, positions: new Float32Array([10, 1, -1, 11, 2, -1]), time: new Float32Array([0, -3]) } });
        onEvent({ type: 'done', count: 2, sent: 2, coarse: 0 });
        return 2;
      },
      releaseNear: async (keep: string[] = []) => {
        released++;
        keptInWorker.push(keep);
      },
    }),
  } as unknown as PageIo;
  return { store, io, asked, mergedClouds, released: () => released, keptInWorker };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('mergeDetail (every merged point where the view looks closely)', () => {
  it('asks for the disc around the focus, keeps it while the view looks inside it, and asks again elsewhere', async () => {
    const { store, io, asked, mergedClouds } = setup();
    const stop = startMergeDetail(store, io);
    expect(asked).toEqual([]);
    store.getState().patchMerge({ focus: { x: 10, y: 1, radius: 12 } });
    await settle();
    expect(asked).toEqual(['/api/frames/000001/merged?sweeps=5&budget=2000000&near=10,1,12']);
    const d = store.getState().merge.detail!;
    expect(d).toMatchObject({ x: 10, y: 1, radius: 12, points: 2, status: 'ready' });
    const cloud = mergedClouds.get(d.key)!;
    expect(cloud.complete).toBe(true);
    expect(Array.from(cloud.slice(0, 2).positions)).toEqual([10, 1, -1, 11, 2, -1]);
    // Closer in, within the disc: the same detail.
    store.getState().patchMerge({ focus: { x: 12, y: 1, radius: 8 } });
    await settle();
    expect(asked).toHaveLength(1);
    // Elsewhere: the new one is asked for, once; the old one is kept aside.
    store.getState().patchMerge({ focus: { x: 40, y: -5, radius: 10 } });
    await settle();
    expect(asked).toHaveLength(2);
    expect(asked[1]).toBe('/api/frames/000001/merged?sweeps=5&budget=2000000&near=40,-5,10');
    expect(mergedClouds.get(d.key)?.complete).toBe(true);
    expect(store.getState().merge.detail?.x).toBe(40);
    stop();
  });

  it('shows a disc fetched before again at once when the view looks there again, and keeps the last three', async () => {
    const { store, io, asked, mergedClouds, keptInWorker } = setup();
    const stop = startMergeDetail(store, io);
    const look = async (x: number) => {
      store.getState().patchMerge({ focus: { x, y: 0, radius: 10 } });
      await settle();
      return store.getState().merge.detail!;
    };
    const first = await look(0);
    const second = await look(100);
    // Back at the first place: no request, the same disc and its points.
    expect(await look(1)).toEqual(first);
    expect(asked).toHaveLength(2);
    // The worker keeps both discs' points (for the visibility filters).
    expect([...keptInWorker.at(-1)!].sort()).toEqual([first.key, second.key].sort());
    // Zoomed out and in again: the same disc, no request.
    store.getState().patchMerge({ focus: null });
    expect(store.getState().merge.detail).toBeNull();
    expect(await look(0)).toEqual(first);
    expect(asked).toHaveLength(2);
    // Four more places: the first is no longer kept, and is asked for again.
    for (const x of [200, 300, 400, 500]) await look(x);
    expect(asked).toHaveLength(6);
    expect(mergedClouds.get(first.key)).toBeUndefined();
    await look(0);
    expect(asked).toHaveLength(7);
    stop();
  });

  it('drops every disc when the merge changes', async () => {
    const { store, io, mergedClouds, keptInWorker } = setup();
    const stop = startMergeDetail(store, io);
    store.getState().patchMerge({ focus: { x: 10, y: 1, radius: 12 } });
    await settle();
    const key = store.getState().merge.detail!.key;
    store.getState().patchMerge({ key: 'merged:000002:5:500000', focus: null });
    expect(store.getState().merge.detail).toBeNull();
    expect(mergedClouds.get(key)).toBeUndefined();
    expect(keptInWorker.at(-1)).toEqual([]);
    stop();
  });

  it('drops the detail when the view stands back, and asks nothing when the merge drew every point it has', async () => {
    const { store, io, asked, mergedClouds, released } = setup();
    const stop = startMergeDetail(store, io);
    store.getState().patchMerge({ focus: { x: 10, y: 1, radius: 12 } });
    await settle();
    const key = store.getState().merge.detail!.key;
    store.getState().patchMerge({ focus: null });
    expect(store.getState().merge.detail).toBeNull();
    // Kept aside for a view that zooms in there again; the worker told which discs to keep.
    expect(mergedClouds.get(key)?.complete).toBe(true);
    expect(released()).toBe(1);
    // A merge whose budget holds every point has no detail to add.
    store.getState().patchMerge({ drawn: 3_000_000, focus: { x: 10, y: 1, radius: 12 } });
    await settle();
    expect(asked).toHaveLength(1);
    expect(store.getState().merge.detail).toBeNull();
    stop();
  });

  it('says why the detail failed, and keeps the budgeted merge', async () => {
    const { store, io } = setup();
    (io as unknown as { mergeWorker: () => unknown }).mergeWorker = () => ({
      near: async () => {
        throw new Error('the server answered 500 Internal Server Error');
      },
      releaseNear: async () => undefined,
    });
    const stop = startMergeDetail(store, io);
    store.getState().patchMerge({ focus: { x: 10, y: 1, radius: 12 } });
    await settle();
    expect(store.getState().merge.detail).toMatchObject({ status: 'error', message: 'the server answered 500 Internal Server Error' });
    expect(store.getState().merge.key).toBe('merged:000001:5:500000');
    stop();
  });
});

describe('focusOfView', () => {
  it('is the orbit target with a disc as wide as the view reaches, and none when it stands back', () => {
    expect(focusOfView({ x: 10.3, y: -4.1, reach: 12.2 })).toEqual({ x: 10.5, y: -4, radius: 12 });
    // Very close: at least 8 m around, for the objects beside the one looked at.
    expect(focusOfView({ x: 0, y: 0, reach: 3 })?.radius).toBe(8);
    expect(focusOfView({ x: 0, y: 0, reach: FOCUS_REACH + 1 })).toBeNull();
    expect(focusOfView({ x: Number.NaN, y: 0, reach: 5 })).toBeNull();
  });
});
