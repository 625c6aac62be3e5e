import { describe, expect, it } from 'vitest';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { ApiError } from '../../../src/io/apiClient.ts';
import { startChecksRunner } from '../../../src/services/checksRunner.ts';
import { createAppStore } from '../../../src/state/createAppStore.ts';

const DETAIL = 'parseKittiCalib (calib/000001.txt): line 2, field "P1": expected 12 values, found 3';

/** The runner's I/O for one frame whose points are in; `getCalib` answers as given. */
function io(getCalib: () => Promise<unknown>) {
  const checked: unknown[] = [];
  return {
    checked,
    io: {
      api: { getCalib },
      frameCache: { peek: () => ({ complete: true }) },
      worker: () => ({ sendPositions: async () => true }),
      checksWorker: () => ({
        setFrameFromPort: async (_id: string, _port: unknown, region: unknown) => {
          checked.push(region);
          return {};
        },
        check: async (_c: unknown, _d: unknown, _changed: unknown, frameId: string) => ({ frameId, results: [], ms: 3 }),
      }),
    } as never,
  };
}

async function openFrame(getCalib: () => Promise<unknown>) {
  const store = createAppStore();
  const { io: pageIo, checked } = io(getCalib);
  const stop = startChecksRunner(store, pageIo);
  store.getState().setCurrentFrame('000001');
  store.setState({ doc: emptyAnnotation('000001') });
  store.getState().setLoad({ status: 'done', frameId: '000001' });
  for (let i = 0; i < 50 && store.getState().checks.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 5));
  stop();
  return { checks: store.getState().checks, checked };
}

describe('checks runner with a broken calib', () => {
  it('runs the checks without the camera and keeps the server’s reason (file, line, field) for the panel', async () => {
    const { checks, checked } = await openFrame(() => Promise.reject(new ApiError(422, 'calib_invalid', DETAIL)));
    expect(checks.status).toBe('done');
    expect(checks.error).toBeNull();
    expect(checks.calibProblem).toBe(DETAIL);
    // No label region: missed objects are searched all around.
    expect(checked).toEqual([undefined]);
  });

  it('has no calib problem when the calib is fine or absent', async () => {
    const { checks } = await openFrame(async () => ({ frameId: '000001', calib: null, imageSize: [1242, 375] }));
    expect(checks.status).toBe('done');
    expect(checks.calibProblem).toBeNull();
  });
});
