import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_VIEW, GROWTH, SOFTWARE_PARTIAL_CAP, uploadTarget } from '../../../src/render/mergedUploadTarget.ts';
import { afterGpu } from '../../../src/render/afterGpu.ts';

describe('uploadTarget (merged points to have on the GPU)', () => {
  it('uploads the first batch, then only once what arrived is GROWTH times what is drawn, and all of the budget once complete', () => {
    expect(uploadTarget({ received: 8000, complete: false }, 2e6, 0)).toBe(FIRST_VIEW);
    // A merge that came whole at once (the server's cache): a small first view, then everything.
    expect(uploadTarget({ received: 2e6, complete: true }, 2e6, 0)).toBe(FIRST_VIEW);
    expect(uploadTarget({ received: 2e6, complete: true }, 2e6, FIRST_VIEW)).toBe(2e6);
    // 8k drawn: 12k arrived is not enough to redraw the whole cloud for.
    expect(uploadTarget({ received: 12_000, complete: false }, 2e6, 8000)).toBe(8000);
    expect(uploadTarget({ received: GROWTH * 8000, complete: false }, 2e6, 8000)).toBe(2e6);
    // The last batch came: the rest at once, whatever its size.
    expect(uploadTarget({ received: 9000, complete: true }, 2e6, 8000)).toBe(2e6);
    // Never past the budget.
    expect(uploadTarget({ received: 3e6, complete: false }, 2e6, 2e6)).toBe(2e6);
  });

  it('with a cap (a software renderer), draws no more than the cap while the merge streams, then the whole budget', () => {
    const cap = SOFTWARE_PARTIAL_CAP;
    expect(uploadTarget({ received: 8000, complete: false }, 2e6, 0, cap)).toBe(FIRST_VIEW);
    expect(uploadTarget({ received: 200_000, complete: false }, 2e6, FIRST_VIEW, cap)).toBe(cap);
    // The cap drawn: 1.5M arrived waits for the rest instead of a 1.5M-point redraw.
    expect(uploadTarget({ received: 1.5e6, complete: false }, 2e6, cap, cap)).toBe(cap);
    expect(uploadTarget({ received: 2e6, complete: true }, 2e6, cap, cap)).toBe(2e6);
    // A budget under the cap streams as before.
    expect(uploadTarget({ received: 200_000, complete: false }, 250_000, FIRST_VIEW, cap)).toBe(250_000);
    // Redraws while 2M points stream in 256k batches: the first view, the cap, then the budget once complete.
    let drawn = 0;
    const sizes: number[] = [];
    for (let received = 8000; received <= 2e6; received += 262_144) {
      const target = Math.min(received, uploadTarget({ received, complete: false }, 2e6, drawn, cap));
      if (target > drawn) sizes.push((drawn = target));
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(cap);
  });

  it('adds about log2(budget / first batch) redraws while a 6M-point merge streams in 4 MB batches', () => {
    let drawn = 0;
    let redraws = 0;
    for (let received = 8000; received <= 2e6; received += 262_144 / 8) {
      const target = Math.min(received, uploadTarget({ received, complete: false }, 2e6, drawn));
      if (target > drawn) {
        drawn = target;
        redraws++;
      }
    }
    expect(redraws).toBeGreaterThanOrEqual(5);
    expect(redraws).toBeLessThanOrEqual(Math.ceil(Math.log2(2e6 / 8000)) + 1);
  });
});

/** A WebGL2 context stand-in: fences signal when `gpuDone` is set. */
function fakeGl(withFences = true) {
  const state = { gpuDone: false, deleted: 0, flushed: 0 };
  const gl = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    SIGNALED: 0x9119,
    UNSIGNALED: 0x9118,
    isContextLost: () => false,
    flush: () => void state.flushed++,
    getSyncParameter: () => (state.gpuDone ? 0x9119 : 0x9118),
    deleteSync: () => void state.deleted++,
    ...(withFences ? { fenceSync: () => ({}) } : {}),
  };
  return { gl: gl as unknown as WebGL2RenderingContext, state };
}

describe('afterGpu', () => {
  afterEach(() => vi.useRealTimers());

  it('calls back only once the fence after this task signals, without blocking, and frees the fence', async () => {
    vi.useFakeTimers();
    const { gl, state } = fakeGl();
    const done = vi.fn();
    afterGpu(gl, done);
    await vi.advanceTimersByTimeAsync(100);
    expect(done).not.toHaveBeenCalled();
    expect(state.flushed).toBe(1);
    state.gpuDone = true;
    await vi.advanceTimersByTimeAsync(20);
    expect(done).toHaveBeenCalledTimes(1);
    expect(state.deleted).toBe(1);
  });

  it('falls back to the next task without WebGL2 fences, and a cancelled wait never calls back', async () => {
    vi.useFakeTimers();
    const plain = fakeGl(false);
    const done = vi.fn();
    afterGpu(plain.gl, done);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalledTimes(1);

    const { gl, state } = fakeGl();
    const never = vi.fn();
    const wait = afterGpu(gl, never);
    await vi.advanceTimersByTimeAsync(50);
    wait.cancel();
    state.gpuDone = true;
    await vi.advanceTimersByTimeAsync(50);
    expect(never).not.toHaveBeenCalled();
    expect(state.deleted).toBe(1);
  });
});
