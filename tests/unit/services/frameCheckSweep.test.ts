import { describe, expect, it } from 'vitest';
import { startFrameCheckSweep } from '../../../src/services/frameCheckSweep.ts';
import type { FrameCheckSummary } from '../../../src/domain/api/wireTypes.ts';
import type { FrameListItem } from '../../../src/domain/document/FrameListItem.ts';
import { ApiError, type ApiClient } from '../../../src/io/apiClient.ts';
import { createAppStore } from '../../../src/state/createAppStore.ts';

const item = (id: string, checks?: FrameListItem['checks']): FrameListItem => ({
  id,
  pointsFile: `${id}.bin`,
  hasCalib: true,
  hasImage: false,
  hasLabel: true,
  pointCount: 100,
  status: 'todo',
  boxCount: 1,
  revision: 1,
  ...(checks ? { checks } : {}),
});

/** A server whose summaries resolve when the test says so. */
function fakeApi(summaries: Record<string, Partial<FrameCheckSummary> | Error>) {
  const asked: string[] = [];
  const pending: (() => void)[] = [];
  const api = {
    getFrameChecks(id: string) {
      asked.push(id);
      return new Promise<FrameCheckSummary>((resolve, reject) => {
        pending.push(() => {
          const s = summaries[id];
          if (s instanceof Error) reject(s);
          else resolve({ frameId: id, revision: 1, dictionaryVersion: 1, error: 0, warning: 0, info: 0, ...s });
        });
      });
    },
  } as unknown as ApiClient;
  const flush = async () => {
    for (let i = 0; i < 20; i++) {
      pending.splice(0).forEach((f) => f());
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { api, asked, flush };
}

describe('frame check sweep', () => {
  it('takes the counts the list carries, asks the server for the rest one at a time, and skips the open frame', async () => {
    const store = createAppStore();
    const server = fakeApi({ b: { error: 2, warning: 1 }, d: { warning: 3 } });
    store.getState().setCurrentFrame('c');
    const stop = startFrameCheckSweep(store, server.api);
    store.getState().setFrames([item('a', { error: 0, warning: 4, info: 0 }), item('b'), item('c'), item('d')]);
    await server.flush();
    expect(server.asked).toEqual(['b', 'd']);
    expect(store.getState().checkSummary).toEqual({ a: { error: 0, warning: 4 }, b: { error: 2, warning: 1 }, d: { error: 0, warning: 3 } });
    stop();
  });

  it('never overwrites what the checks worker found, waits while a frame loads, and survives a broken frame', async () => {
    const store = createAppStore();
    const server = fakeApi({ a: new Error('422 frame_unreadable'), b: { error: 5 }, x: { skipped: 'too big' } });
    store.getState().setLoad({ status: 'loading' });
    const stop = startFrameCheckSweep(store, server.api);
    store.getState().setFrames([item('a'), item('b'), item('x')]);
    await server.flush();
    expect(server.asked).toEqual([]); // a frame is streaming: the sweep waits
    store.getState().setLoad({ status: 'done' });
    await new Promise((r) => setTimeout(r, 0));
    expect(server.asked).toEqual(['a']);
    // The worker checks b while the server's answer for it is on its way.
    store.getState().setCheckSummary('b', { error: 0, warning: 0 });
    await server.flush();
    expect(server.asked).toEqual(['a', 'x']);
    expect(store.getState().checkSummary).toEqual({ b: { error: 0, warning: 0 } });
    stop();
  });

  it('marks a frame the server could not read (its file and why), and only that failure', async () => {
    const store = createAppStore();
    const unreadable = new ApiError(422, 'frame_unreadable', 'readVelodyneBin (000001.bin): 1000003 bytes is not a whole number of 16-byte records');
    const server = fakeApi({ a: unreadable, b: new ApiError(503, 'busy', 'the check pool is full') });
    const stop = startFrameCheckSweep(store, server.api);
    store.getState().setFrames([item('a'), item('b')]);
    await server.flush();
    expect(store.getState().checkSummary).toEqual({ a: { error: 0, warning: 0, unreadable: unreadable.detail } });
    stop();
  });

  it('waits while sweeps are being merged and drawn (the server merges them, and a software renderer draws them, on the same cores)', async () => {
    const store = createAppStore();
    const server = fakeApi({ b: { error: 1 } });
    store.getState().setCurrentFrame('a');
    store.getState().patchMerge({ status: 'loading' });
    const stop = startFrameCheckSweep(store, server.api);
    store.getState().setFrames([item('a'), item('b')]);
    await server.flush();
    expect(server.asked).toEqual([]);
    // All batches have come, but the merged view is still going up to the GPU.
    store.getState().patchMerge({ status: 'ready', key: 'merged:a:25:500000', fullDetailMs: null });
    await server.flush();
    expect(server.asked).toEqual([]);
    store.getState().patchMerge({ fullDetailMs: 850 });
    await server.flush();
    expect(server.asked).toEqual(['b']);
    stop();
  });

  it('asks again for a frame whose summary was dropped after a save from elsewhere', async () => {
    const store = createAppStore();
    const answers: Record<string, Partial<FrameCheckSummary>> = { b: { error: 1 } };
    const server = fakeApi(answers);
    store.getState().setCurrentFrame('a');
    const stop = startFrameCheckSweep(store, server.api);
    store.getState().setFrames([item('a'), item('b')]);
    await server.flush();
    expect(store.getState().checkSummary.b).toEqual({ error: 1, warning: 0 });
    answers.b = { error: 0, warning: 2 };
    store.getState().forgetCheckSummary('b');
    await server.flush();
    expect(server.asked).toEqual(['b', 'b']);
    expect(store.getState().checkSummary.b).toEqual({ error: 0, warning: 2 });
    stop();
  });
});
