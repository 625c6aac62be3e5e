import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPEAT_WINDOW_MS } from '../../../src/actions/repeatStep.ts';
import { TestEditor, testCuboid } from '../../helpers/TestEditor.ts';

function editor(): TestEditor {
  const ed = new TestEditor({ cuboids: [testCuboid('a', { center: [10, 0, -0.5], yaw: 0.2 }), testCuboid('b', { center: [20, 4, -0.95] })] });
  ed.store.getState().select(['a']);
  return ed;
}

const yawOf = (ed: TestEditor, id: string): number => ed.doc().cuboids.find((c) => c.id === id)!.yaw;

describe('quick repeats of a nudge, turn or resize key are one undo step', () => {
  afterEach(() => vi.useRealTimers());

  it('twenty presses of E turn the box by 20° and one undo turns it back', () => {
    const ed = editor();
    const before = ed.doc();
    for (let i = 0; i < 20; i++) ed.keyDown('e');
    expect(yawOf(ed, 'a')).toBeCloseTo(0.2 - (20 * Math.PI) / 180, 6);
    expect(ed.undoSteps()).toBe(1);
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.doc()).toEqual(before);
    ed.keyDown('z', { ctrlKey: true, shiftKey: true });
    expect(yawOf(ed, 'a')).toBeCloseTo(0.2 - (20 * Math.PI) / 180, 6);
  });

  it('arrow and size keys held down are one step each', () => {
    const ed = editor();
    for (let i = 0; i < 5; i++) ed.keyDown('ArrowUp');
    for (let i = 0; i < 3; i++) ed.keyDown(']');
    expect(ed.undoSteps()).toBe(2);
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.doc().cuboids.find((c) => c.id === 'a')!.center[0]).toBeCloseTo(10.5, 6);
  });

  it('another key, another selection, or a pause starts a new step', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    const ed = editor();
    ed.keyDown('e');
    ed.keyDown('q');
    ed.keyDown('q');
    expect(ed.undoSteps()).toBe(2);
    ed.store.getState().select(['b']);
    ed.keyDown('q');
    expect(ed.undoSteps()).toBe(3);
    vi.setSystemTime(1_000_000 + REPEAT_WINDOW_MS + 1);
    ed.keyDown('q');
    expect(ed.undoSteps()).toBe(4);
  });

  it('an undo between two presses keeps them apart', () => {
    const ed = editor();
    ed.keyDown('e');
    ed.keyDown('z', { ctrlKey: true });
    ed.keyDown('e');
    ed.keyDown('e');
    expect(ed.undoSteps()).toBe(1);
    ed.keyDown('z', { ctrlKey: true });
    expect(yawOf(ed, 'a')).toBeCloseTo(0.2, 6);
  });
});
