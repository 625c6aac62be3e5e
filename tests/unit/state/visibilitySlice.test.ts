import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { createCuboid } from '../../../src/domain/document/cuboidOps.ts';

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

  it('drops hidden boxes from the selection, so edit keys cannot move or delete them out of sight', () => {
    const store = createAppStore();
    const box = (id: string, label: string) => createCuboid({ id, label, center: [5, 0, 0], size: [4, 2, 1.5], yaw: 0, source: 'manual' });
    const car = box('car', 'Car');
    const ped = box('ped', 'Pedestrian');
    store.getState().loadDoc({ ...emptyAnnotation('f'), cuboids: [car, ped] });
    store.getState().select(['car', 'ped']);
    store.getState().setClassHidden('Car');
    expect(store.getState().selectedIds).toEqual(['ped']);
    // Showing the class again does not select anything.
    store.getState().setClassHidden('Car');
    expect(store.getState().selectedIds).toEqual(['ped']);
    store.getState().setBoxHidden('ped', true);
    expect(store.getState().selectedIds).toEqual([]);
  });

  it('a box hidden or locked takes its track with it into the frames opened next, and back', () => {
    const store = createAppStore();
    const box = (id: string, trackId: string | null) =>
      createCuboid({ id, trackId, label: 'Car', center: [5, 0, 0], size: [4, 2, 1.5], yaw: 0, source: 'manual' });
    const frameA = { ...emptyAnnotation('a'), cuboids: [box('a1', 't1-aaaaaa'), box('a2', null)] };
    const frameB = { ...emptyAnnotation('b'), cuboids: [box('b1', 't1-aaaaaa'), box('b2', 't2-bbbbbb')] };
    store.getState().loadDoc(frameA);
    store.getState().setBoxHidden('a1', true);
    store.getState().setBoxLocked('a1', true);
    store.getState().setBoxHidden('a2', true);
    store.getState().loadDoc(frameB);
    let v = store.getState().visibility;
    expect(v.hiddenBoxIds).toContain('b1');
    expect(v.hiddenBoxIds).not.toContain('b2');
    expect(v.lockedBoxIds).toContain('b1');
    // Shown again in frame b: the track is shown, in frame a too.
    store.getState().setBoxHidden('b1', false);
    store.getState().loadDoc(frameA);
    v = store.getState().visibility;
    expect(v.hiddenBoxIds).not.toContain('a1');
    expect(v.hiddenBoxIds).toContain('a2');
    expect(v.lockedBoxIds).toContain('a1');
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
