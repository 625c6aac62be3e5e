import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { storeChangeRedraws } from '../../../src/render/storeChangeRedraws.ts';

describe('storeChangeRedraws (which store changes redraw the canvas)', () => {
  it('the check counts of other frames, messages, the SOP panel and the save status redraw nothing', () => {
    const store = createAppStore();
    const before = store.getState();
    store.getState().setCheckSummary('000007', { error: 1, warning: 0 });
    expect(store.getState().checkSummary).not.toBe(before.checkSummary);
    expect(storeChangeRedraws(store.getState(), before)).toBe(false);
    for (const key of ['ui', 'sop', 'save', 'frames', 'review', 'session'] as const) {
      const prev = store.getState();
      const next = { ...prev, [key]: Array.isArray(prev[key]) ? [] : { ...(prev[key] as object) } };
      expect(storeChangeRedraws(next, prev), key).toBe(false);
    }
  });

  it('what the canvas shows redraws: selection, visibility, the view, check results', () => {
    const store = createAppStore();
    const prev = store.getState();
    expect(storeChangeRedraws({ ...prev, selectedIds: ['b1'] }, prev)).toBe(true);
    expect(storeChangeRedraws({ ...prev, visibility: { ...prev.visibility, hiddenClasses: ['Car'] } }, prev)).toBe(true);
    expect(storeChangeRedraws({ ...prev, view: { ...prev.view, pointSize: 3 } }, prev)).toBe(true);
    expect(storeChangeRedraws({ ...prev, checks: { ...prev.checks, results: [] } }, prev)).toBe(true);
    // Their progress alone does not.
    expect(storeChangeRedraws({ ...prev, checks: { ...prev.checks, status: 'running' } }, prev)).toBe(false);
    // The merge only where the clouds drawn change (`mergeShowsDiffer`).
    expect(storeChangeRedraws({ ...prev, merge: { ...prev.merge, sweepsDone: 3 } }, prev)).toBe(false);
    expect(storeChangeRedraws(prev, prev)).toBe(false);
  });
});
