import { describe, expect, it } from 'vitest';
import { createAppStore, HISTORY_LIMIT } from '../../../src/state/createAppStore.ts';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { addCuboid, createCuboid, updateCuboid } from '../../../src/domain/document/cuboidOps.ts';
import { selectDisplayedCuboids, selectPrimaryCuboid, selectSelectedCuboids } from '../../../src/state/selectors.ts';
import type { Cuboid } from '../../../src/domain/types.ts';

function car(id: string, x = 10): Cuboid {
  return createCuboid({ id, trackId: null, label: 'Car', center: [x, 0, -1], size: [4, 1.6, 1.5], yaw: 0, source: 'manual' });
}

function storeWithDoc() {
  const store = createAppStore();
  store.getState().loadDoc(addCuboid(emptyAnnotation('000001'), car('a')));
  return store;
}

const past = (store: ReturnType<typeof createAppStore>) => store.temporal.getState().pastStates.length;

describe('doc slice and history', () => {
  it('loadDoc leaves an empty history', () => {
    const store = storeWithDoc();
    expect(store.getState().doc?.cuboids).toHaveLength(1);
    expect(past(store)).toBe(0);
    expect(store.getState().docLoadCount).toBe(1);
  });

  it('records one step per applyDocChange and undoes/redoes it', () => {
    const store = storeWithDoc();
    expect(store.getState().applyDocChange((d) => addCuboid(d, car('b', 20)))).toBe(true);
    expect(past(store)).toBe(1);
    store.temporal.getState().undo();
    expect(store.getState().doc?.cuboids.map((c) => c.id)).toEqual(['a']);
    store.temporal.getState().redo();
    expect(store.getState().doc?.cuboids.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('records nothing for a no-op change or without a document', () => {
    const store = storeWithDoc();
    expect(store.getState().applyDocChange((d) => updateCuboid(d, 'a', { label: 'Car' }))).toBe(false);
    expect(past(store)).toBe(0);
    const empty = createAppStore();
    expect(empty.getState().applyDocChange((d) => addCuboid(d, car('x')))).toBe(false);
  });

  it('keeps selection, hover, drafts, tool, view, save and messages out of the history', () => {
    const store = storeWithDoc();
    const s = store.getState();
    s.select(['a']);
    s.setHovered('a');
    s.setDrafts([car('a', 12)]);
    s.setToolPath('select.translating');
    s.setColorMode('intensity');
    s.setPointSize(4);
    s.setSave({ status: 'dirty' });
    s.showMessage('hello');
    s.setCurrentClass('Van');
    expect(past(store)).toBe(0);
    s.applyDocChange((d) => updateCuboid(d, 'a', { label: 'Van' }));
    store.temporal.getState().undo();
    expect(store.getState().selectedIds).toEqual(['a']);
    expect(store.getState().view.colorMode).toBe('intensity');
    expect(store.getState().doc?.cuboids[0].label).toBe('Car');
  });

  it('drops the oldest steps beyond the history limit', () => {
    const store = storeWithDoc();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
      store.getState().applyDocChange((d) => updateCuboid(d, 'a', { center: [i, 0, -1] }));
    }
    expect(past(store)).toBe(HISTORY_LIMIT);
  });

  it('loading another frame clears history, drafts and stale selection', () => {
    const store = storeWithDoc();
    store.getState().applyDocChange((d) => addCuboid(d, car('b', 20)));
    store.getState().select(['a', 'b']);
    store.getState().setDrafts([car('b', 21)]);
    store.getState().loadDoc(addCuboid(emptyAnnotation('000002'), car('b', 5)));
    expect(past(store)).toBe(0);
    expect(store.getState().selectedIds).toEqual(['b']);
    expect(store.getState().interaction.drafts).toEqual([]);
    store.temporal.getState().undo();
    expect(store.getState().doc?.frameId).toBe('000002');
  });
});

describe('selectors', () => {
  it('lays drafts over committed boxes and appends new ones', () => {
    const store = storeWithDoc();
    store.getState().applyDocChange((d) => addCuboid(d, car('b', 20)));
    store.getState().setDrafts([car('a', 11), car('new', 30)]);
    expect(selectDisplayedCuboids(store.getState()).map((c) => [c.id, c.center[0]])).toEqual([
      ['a', 11],
      ['b', 20],
      ['new', 30],
    ]);
  });

  it('resolves selected ids to boxes and ignores missing ones', () => {
    const store = storeWithDoc();
    store.getState().applyDocChange((d) => addCuboid(d, car('b', 20)));
    store.getState().select(['b', 'ghost', 'a']);
    expect(selectSelectedCuboids(store.getState()).map((c) => c.id)).toEqual(['b', 'a']);
    expect(selectPrimaryCuboid(store.getState())?.id).toBe('a');
  });
});

describe('class and ui slices', () => {
  it('defaults to the KITTI palette and keeps the current class when the palette changes', () => {
    const store = createAppStore();
    expect(store.getState().classes.palette[0]).toBe('Car');
    expect(store.getState().classes.palette).toHaveLength(8);
    expect(store.getState().classes.palette).not.toContain('DontCare');
    store.getState().setCurrentClass('Cyclist');
    store.getState().setPalette(['Cyclist', 'Pedestrian']);
    expect(store.getState().classes.current).toBe('Cyclist');
    store.getState().setPalette(['Bus']);
    expect(store.getState().classes.current).toBe('Bus');
    store.getState().setPalette(['Car', 'DontCare', 'dontcare']);
    expect(store.getState().classes.palette).toEqual(['Car']);
  });

  it('toggles help and numbers messages', () => {
    const store = createAppStore();
    store.getState().toggleHelp();
    expect(store.getState().ui.helpOpen).toBe(true);
    store.getState().showMessage('a');
    store.getState().showMessage('a', 'warning');
    expect(store.getState().ui.message).toEqual({ id: 2, text: 'a', level: 'warning' });
  });
});
