import { describe, expect, it } from 'vitest';
import { TestEditor, testCuboid } from '../../helpers/TestEditor.ts';

describe('fitting where the user has hidden things', () => {
  it('does not box again an object whose box is hidden (by class or alone): it says so', async () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a', { center: [10, 0, -0.95] })] });
    ed.store.getState().setClassHidden('Car', true);
    ed.pointerMove([10.3, 0.2, -1.2], { kind: 'points', point: [10.3, 0.2, -1.2] });
    ed.keyDown(' ');
    await ed.settle();
    expect(ed.cuboids()).toHaveLength(1);
    expect(ed.fit.calls).toHaveLength(0);
    expect(ed.store.getState().ui.message?.text).toMatch(/already has a box, and its class Car is hidden/);
    ed.store.getState().setClassHidden('Car', false);
    ed.store.getState().setBoxHidden('a', true);
    ed.keyDown(' ', { shiftKey: true });
    await ed.settle();
    expect(ed.cuboids()).toHaveLength(1);
    expect(ed.store.getState().ui.message?.text).toMatch(/hidden in the object list/);
  });

  it('does not box an object wholly outside the height slice or the range crop', async () => {
    const ed = new TestEditor();
    ed.store.getState().setHeightSlice({ min: 5, max: 6 });
    ed.pointerMove([30, 2, -1.7]);
    ed.keyDown(' ');
    await ed.settle();
    expect(ed.cuboids()).toEqual([]);
    expect(ed.store.getState().ui.message?.text).toMatch(/outside the height slice or range crop/);
    ed.store.getState().setHeightSlice({ min: null, max: null });
    ed.store.getState().setRangeCrop({ min: 0, max: 20 });
    ed.keyDown(' ');
    await ed.settle();
    expect(ed.cuboids()).toEqual([]);
    // A crop that cuts through the object leaves it in view: it fits as ever.
    ed.store.getState().setRangeCrop({ min: 0, max: 29 });
    ed.keyDown(' ');
    await ed.settle();
    expect(ed.cuboids()).toHaveLength(1);
  });
});

describe('selection keys with every box hidden or locked', () => {
  it('Tab and Ctrl+A say why they select nothing', () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a'), testCuboid('b', { center: [20, 4, -0.95] })] });
    ed.store.getState().setClassHidden('Car', true);
    ed.keyDown('Tab');
    expect(ed.selectedIds()).toEqual([]);
    expect(ed.store.getState().ui.message?.text).toMatch(/Every box of this frame is hidden or locked/);
    ed.store.getState().showMessage('other', 'info');
    ed.keyDown('a', { ctrlKey: true });
    expect(ed.store.getState().ui.message?.text).toMatch(/Every box of this frame is hidden or locked/);
  });
});
