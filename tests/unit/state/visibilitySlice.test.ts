import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';

describe('visibility slice', () => {
  it('toggles a class and a box, and sets them explicitly', () => {
    const store = createAppStore();
    store.getState().setClassHidden('Car');
    expect(store.getState().visibility.hiddenClasses).toEqual(['Car']);
    store.getState().setClassHidden('Car');
    expect(store.getState().visibility.hiddenClasses).toEqual([]);
    store.getState().setBoxLocked('b1', true);
    store.getState().setBoxLocked('b1', true);
    expect(store.getState().visibility.lockedBoxIds).toEqual(['b1']);
  });

  it('resets everything but the label preference, and records nothing in the undo history', () => {
    const store = createAppStore();
    store.getState().setHeightSlice({ min: -1, max: 2 });
    store.getState().setHideGround(true);
    store.getState().setBoxLabels(false);
    store.getState().resetVisibility();
    const v = store.getState().visibility;
    expect(v.heightSlice).toEqual({ min: null, max: null });
    expect(v.hideGround).toBe(false);
    expect(v.boxLabels).toBe(false);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});
