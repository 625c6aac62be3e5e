import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { startChecksRunner } from '../../../src/services/checksRunner.ts';
import type { CheckResult } from '../../../src/domain/checks/CheckResult.ts';

const missed: CheckResult = {
  ruleId: 'missedObject',
  severity: 'error',
  cuboidId: null,
  location: [4.7, 5.9, -1],
  message: 'Missed object?',
  dictionaryEntry: 'every-object-boxed',
};

/** The runner's I/O is never reached on a frame switch; any call fails the test. */
const noIo = new Proxy(
  {},
  {
    get: () => () => {
      throw new Error('no I/O expected');
    },
  },
);

describe('checks runner on a frame switch', () => {
  it("drops the last frame's findings when another frame opens, and when that frame fails to load", () => {
    const store = createAppStore();
    const stop = startChecksRunner(store, { api: noIo, frameCache: noIo, worker: noIo, checksWorker: noIo } as never);
    store.getState().setCurrentFrame('000003');
    store.getState().setChecks({ frameId: '000003', results: [missed], status: 'done', ms: 54 });
    expect(store.getState().checks.results).toHaveLength(1);

    store.getState().setCurrentFrame('000004');
    expect(store.getState().checks).toMatchObject({ frameId: '000004', results: [], status: 'idle', ms: null });

    store.getState().setLoad({ status: 'error', frameId: '000004', error: '000004.bin: size 1000003 bytes is not a multiple of 16' });
    expect(store.getState().checks.results).toEqual([]);
    stop();
  });

  it('keeps the findings of the frame that stays open', () => {
    const store = createAppStore();
    const stop = startChecksRunner(store, { api: noIo, frameCache: noIo, worker: noIo, checksWorker: noIo } as never);
    store.getState().setCurrentFrame('000003');
    store.getState().setChecks({ frameId: '000003', results: [missed], status: 'done', ms: 54 });
    store.getState().setLoad({ status: 'done', frameId: '000003' });
    expect(store.getState().checks.results).toEqual([missed]);
    stop();
  });
});
