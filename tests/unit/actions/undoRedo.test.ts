import { describe, expect, it } from 'vitest';
import { TestEditor, testCuboid } from '../../helpers/TestEditor.ts';

/** Every action that edits the document, with the input that triggers it. */
const EDITING_ACTIONS: [id: string, mods?: { shiftKey?: boolean }, value?: unknown][] = [
  ['deleteSelection'],
  ['duplicateSelection'],
  ['setClass2'],
  ['nudgeForward'],
  ['nudgeBack', { shiftKey: true }],
  ['nudgeLeft'],
  ['nudgeRight'],
  ['nudgeAlongHeading'],
  ['nudgeAgainstHeading'],
  ['nudgeBoxLeft'],
  ['nudgeBoxRight'],
  ['nudgeUp'],
  ['nudgeDown'],
  ['rotateLeft'],
  ['rotateRight', { shiftKey: true }],
  ['growLength'],
  ['shrinkLength'],
  ['growWidth'],
  ['shrinkWidth'],
  ['growHeight'],
  ['shrinkHeight'],
  ['snapToGround'],
  ['refit'],
  ['cycleHeading'],
  ['fitAtCursor'],
  ['fitAtCursor', { shiftKey: true }],
  ['cycleTruncated'],
  ['cycleOccluded'],
  ['updateCuboid', {}, { id: 'a', patch: { size: [4.5, 1.9, 1.6], attributes: { truncated: 0.3 } } }],
];

describe('undo and redo of every editing action', () => {
  it.each(EDITING_ACTIONS)('%s is one undo step that undo and redo reverse', async (id, mods, value) => {
    const ed = new TestEditor({ cuboids: [testCuboid('a', { center: [10, 0, -0.5], yaw: 0.2 }), testCuboid('b', { center: [20, 4, -0.95] })] });
    ed.store.getState().select(['a']);
    ed.pointerMove([30, 2, -1.7], { kind: 'points', point: [30, 2, -1.2] });
    const before = ed.doc();
    expect(ed.executeAction(id, mods, value)).toBe(true);
    await ed.settle();
    const after = ed.doc();
    expect(after).not.toBe(before);
    expect(ed.undoSteps()).toBe(1);
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.doc()).toEqual(before);
    ed.keyDown('z', { ctrlKey: true, shiftKey: true });
    expect(ed.doc()).toEqual(after);
    ed.keyDown('z', { ctrlKey: true });
    ed.keyDown('y', { ctrlKey: true });
    expect(ed.doc()).toEqual(after);
  });

  it('undo drops selected ids that no longer exist', async () => {
    const ed = new TestEditor();
    ed.pointerMove([30, 2, -1.7]);
    ed.keyDown(' ');
    await ed.settle();
    expect(ed.selectedIds()).toHaveLength(1);
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.cuboids()).toEqual([]);
    expect(ed.selectedIds()).toEqual([]);
  });

  it('undoing a delete selects the boxes it brings back, so the next key acts on them', async () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a'), testCuboid('b', { center: [20, 4, -0.95] })] });
    ed.keyDown('a', { ctrlKey: true });
    ed.keyDown('Delete');
    await ed.settle();
    expect(ed.cuboids()).toEqual([]);
    expect(ed.selectedIds()).toEqual([]);
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.selectedIds().sort()).toEqual(['a', 'b']);
    // Redo deletes them again and leaves nothing selected; undo brings them back selected.
    ed.keyDown('z', { ctrlKey: true, shiftKey: true });
    expect(ed.selectedIds()).toEqual([]);
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.selectedIds().sort()).toEqual(['a', 'b']);
  });

  it('undo of a change to a box keeps the selection as it is', async () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a'), testCuboid('b', { center: [20, 4, -0.95] })] });
    ed.store.getState().select(['b']);
    ed.pointerMove([30, 2, -1.7]);
    expect(ed.executeAction('nudgeForward')).toBe(true);
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.selectedIds()).toEqual(['b']);
  });

  it('actions that do not edit the document record nothing', async () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a')], frames: ['000000', '000001'] });
    for (const id of ['toolDraw', 'toolFit', 'toolSelect', 'toggleHelp', 'selectNext', 'selectPrev', 'selectAll', 'save']) {
      ed.executeAction(id);
    }
    await ed.settle();
    expect(ed.undoSteps()).toBe(0);
  });
});
