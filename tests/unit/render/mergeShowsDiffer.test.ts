import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { mergeShowsDiffer } from '../../../src/render/mergeShowsDiffer.ts';

describe('mergeShowsDiffer (which merge changes redraw the canvas)', () => {
  const off = createAppStore().getState().merge;

  it('turning sweeps on and a merge loading out of sight redraw nothing: the open frame’s sweep stays as it was', () => {
    const on = { ...off, sweeps: 25 };
    expect(mergeShowsDiffer(off, on)).toBe(false);
    const loading = { ...on, status: 'loading' as const, sweepCount: 51, timeRange: [-25, 25] as [number, number] };
    expect(mergeShowsDiffer(on, loading)).toBe(false);
    // The first batch names the cloud, uploaded out of sight.
    const named = { ...loading, key: 'merged:000025:25:500000' };
    expect(mergeShowsDiffer(loading, named)).toBe(false);
    expect(mergeShowsDiffer(named, { ...named, drawn: 76_956, sweepsDone: 3 })).toBe(false);
    // Its first view is on the GPU: it takes the open frame's place.
    const shown = { ...named, onScreen: true };
    expect(mergeShowsDiffer(named, shown)).toBe(true);
  });

  it('with a merged cloud drawn, its colours and window redraw, and so do turning sweeps off and a kept cloud', () => {
    const shown = { ...off, sweeps: 25, status: 'ready' as const, key: 'k1', onScreen: true, timeRange: [-25, 25] as [number, number] };
    expect(mergeShowsDiffer(shown, { ...shown, colorByTime: true })).toBe(true);
    expect(mergeShowsDiffer(shown, { ...shown, sweeps: 10, timeRange: [-10, 10] })).toBe(true);
    expect(mergeShowsDiffer(shown, { ...shown, drawn: 10, fullDetailMs: 900 })).toBe(false);
    expect(mergeShowsDiffer(shown, { ...off })).toBe(true);
    // Stepping on: the cloud is kept (moved) while the next one loads out of sight.
    const kept = { ...shown, key: null, onScreen: false, stale: { key: 'k1', matrix: [] } };
    expect(mergeShowsDiffer(shown, kept)).toBe(true);
    expect(mergeShowsDiffer(kept, { ...kept, key: 'k2' })).toBe(false);
    expect(mergeShowsDiffer(kept, { ...kept, colorByTime: true })).toBe(true);
  });
});
