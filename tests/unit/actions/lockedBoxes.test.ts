import { describe, expect, it } from 'vitest';
import { TestEditor, testCuboid } from '../../helpers/TestEditor.ts';

function editor() {
  const ed = new TestEditor({
    cuboids: [
      testCuboid('a'),
      testCuboid('b', { center: [20, 4, -0.95] }),
      testCuboid('p', { label: 'Pedestrian', center: [5, -3, -0.9], size: [0.6, 0.6, 1.7] }),
    ],
  });
  return ed;
}

const message = (ed: TestEditor) => ed.store.getState().ui.message;

describe('locked boxes (object list)', () => {
  it('refuse nudge, rotate, resize, class keys and delete with a message, and leave the document and history alone', () => {
    const ed = editor();
    ed.store.getState().setBoxLocked('a', true);
    ed.store.getState().select(['a']);
    const before = ed.cuboid('a');
    for (const [key, mods] of [
      ['ArrowUp', {}],
      ['q', {}],
      [']', {}],
      ['2', {}],
      ['Delete', {}],
    ] as const) {
      expect(ed.keyDown(key, mods)).toBe(true);
      expect(message(ed)?.level).toBe('warning');
      expect(message(ed)?.text).toMatch(/locked/);
    }
    expect(ed.cuboid('a')).toBe(before);
    expect(ed.undoSteps()).toBe(0);
    expect(ed.selectedIds()).toEqual(['a']);
  });

  it('in a mixed selection, edits the unlocked boxes only and says how many were left', () => {
    const ed = editor();
    ed.store.getState().setClassLocked('Pedestrian', true);
    ed.store.getState().select(['a', 'p']);
    ed.keyDown('ArrowUp');
    expect(ed.cuboid('a').center[0]).toBeCloseTo(10.1, 12);
    expect(ed.cuboid('p').center).toEqual([5, -3, -0.9]);
    expect(message(ed)?.text).toMatch(/locked/);
    ed.keyDown('Delete');
    expect(ed.cuboids().map((c) => c.id)).toEqual(['b', 'p']);
    expect(ed.selectedIds()).toEqual(['p']);
  });

  it('refuse the inspector (updateCuboid) and unlock again', () => {
    const ed = editor();
    ed.store.getState().setBoxLocked('b', true);
    ed.executeAction('updateCuboid', {}, { id: 'b', patch: { size: [9, 9, 9] } });
    expect(ed.cuboid('b').size).toEqual(testCuboid('b').size);
    expect(message(ed)?.text).toMatch(/locked/);
    ed.store.getState().setBoxLocked('b');
    ed.executeAction('updateCuboid', {}, { id: 'b', patch: { size: [9, 9, 9] } });
    expect(ed.cuboid('b').size).toEqual([9, 9, 9]);
  });
});

describe('Tab and Ctrl+A skip hidden and locked boxes', () => {
  it('steps over them in document order, from a skipped box too', () => {
    const ed = editor();
    ed.store.getState().setBoxHidden('b', true);
    ed.keyDown('Tab');
    expect(ed.selectedIds()).toEqual(['a']);
    ed.keyDown('Tab');
    expect(ed.selectedIds()).toEqual(['p']);
    ed.store.getState().setClassLocked('Pedestrian', true);
    ed.keyDown('Tab');
    expect(ed.selectedIds()).toEqual(['a']);
    ed.store.getState().select(['b']);
    ed.keyDown('Tab');
    expect(ed.selectedIds()).toEqual(['a']);
    ed.keyDown('a', { ctrlKey: true });
    expect(ed.selectedIds()).toEqual(['a']);
  });
});

describe('visibility keys', () => {
  it('Shift+L turns box labels off and on; / asks the object list for its search field', () => {
    const ed = editor();
    expect(ed.store.getState().visibility.boxLabels).toBe(true);
    ed.keyDown('L', { shiftKey: true });
    expect(ed.store.getState().visibility.boxLabels).toBe(false);
    ed.keyDown('L', { shiftKey: true });
    expect(ed.store.getState().visibility.boxLabels).toBe(true);
    const before = ed.store.getState().visibility.searchRequest;
    expect(ed.keyDown('/')).toBe(true);
    expect(ed.store.getState().visibility.searchRequest).toBe(before + 1);
    const listed = ed.actions.listShortcuts().filter((s) => s.id === 'toggleBoxLabels' || s.id === 'findObject');
    expect(listed.map((s) => s.display)).toEqual([['Shift+L'], ['/']]);
  });
});
