import { describe, expect, it } from 'vitest';
import { TestEditor, testCuboid } from '../../helpers/TestEditor.ts';
import type { Hit } from '../../../src/tools/ToolEvent.ts';

const onA: Hit = { kind: 'cuboid', id: 'a' };
const handle = (h: NonNullable<Extract<Hit, { kind: 'cuboid' }>['handle']>, id = 'a'): Hit => ({ kind: 'cuboid', id, handle: h });

function editor() {
  return new TestEditor({ cuboids: [testCuboid('a'), testCuboid('b', { center: [20, 5, -0.95] })] });
}

describe('select tool: selection', () => {
  it('starts in select.idle', () => {
    editor().expectToBeIn('select.idle');
  });

  it('selects a box on click and deselects on a click on empty ground', () => {
    const ed = editor();
    ed.pointerDown([10, 0, -1], onA).expectToBeIn('select.pointing_cuboid');
    ed.pointerUp([10, 0, -1], onA).expectToBeIn('select.idle');
    expect(ed.selectedIds()).toEqual(['a']);
    ed.click([0, 0, -1.7], { kind: 'ground' });
    expect(ed.selectedIds()).toEqual([]);
  });

  it('shift-click adds and removes boxes; shift on empty ground keeps the selection', () => {
    const ed = editor();
    ed.click([10, 0, -1], onA);
    ed.click([20, 5, -1], { kind: 'cuboid', id: 'b' }, 'top', { shiftKey: true });
    expect(ed.selectedIds()).toEqual(['a', 'b']);
    ed.click([0, 0, -1.7], { kind: 'points', point: [0, 0, -1.7] }, 'top', { shiftKey: true });
    expect(ed.selectedIds()).toEqual(['a', 'b']);
    ed.click([10, 0, -1], onA, 'top', { shiftKey: true });
    expect(ed.selectedIds()).toEqual(['b']);
  });

  it('a plain click on a member of a multi-selection keeps just that box', () => {
    const ed = editor();
    ed.store.getState().select(['a', 'b']);
    ed.click([10, 0, -1], onA);
    expect(ed.selectedIds()).toEqual(['a']);
  });

  it('dragging on empty space leaves the selection to the camera', () => {
    const ed = editor();
    ed.store.getState().select(['a']);
    ed.pointerDown([0, 0, -1.7]).expectToBeIn('select.pointing_canvas');
    ed.pointerMove([3, 0, -1.7]).expectToBeIn('select.idle');
    ed.pointerUp([3, 0, -1.7]);
    expect(ed.selectedIds()).toEqual(['a']);
  });

  it('Escape in idle clears the selection, and hover follows the pointer', () => {
    const ed = editor();
    ed.pointerMove([10, 0, -1], onA);
    expect(ed.store.getState().hoveredId).toBe('a');
    ed.pointerMove([0, 0, -1.7]);
    expect(ed.store.getState().hoveredId).toBeNull();
    ed.click([10, 0, -1], onA);
    ed.keyDown('Escape');
    expect(ed.selectedIds()).toEqual([]);
  });
});

describe('select tool: translating', () => {
  it('moves a box in x/y in the top view, drafts while dragging, commits once', () => {
    const ed = editor();
    ed.pointerDown([10, 0, -1.7], onA).pointerMove([11, 0.5, -1.7], onA).expectToBeIn('select.translating');
    expect(ed.drafts().map((d) => d.center)).toEqual([[11, 0.5, -0.95]]);
    expect(ed.cuboid('a').center).toEqual([10, 0, -0.95]);
    ed.pointerMove([12, 1, -1.2], onA).pointerUp([12, 1, -1.2], onA).expectToBeIn('select.idle');
    expect(ed.cuboid('a').center).toEqual([12, 1, -0.95]);
    expect(ed.drafts()).toEqual([]);
    expect(ed.undoSteps()).toBe(1);
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.cuboid('a').center).toEqual([10, 0, -0.95]);
  });

  it('moves along the heading and z in the side view of a turned box', () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a', { yaw: Math.PI / 2 })] });
    ed.store.getState().select(['a']);
    ed.drag([10, 0, -0.95], [10.3, 2, -0.45], onA, 'side');
    const c = ed.cuboid('a').center;
    expect(c[0]).toBeCloseTo(10, 9);
    expect(c[1]).toBeCloseTo(2, 9);
    expect(c[2]).toBeCloseTo(-0.45, 9);
  });

  it('moves along the lateral axis and z in the front view', () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a', { yaw: Math.PI / 2 })] });
    ed.drag([10, 0, -0.95], [9, 0.7, -0.75], onA, 'front');
    const c = ed.cuboid('a').center;
    expect(c[0]).toBeCloseTo(9, 9);
    expect(c[1]).toBeCloseTo(0, 9);
    expect(c[2]).toBeCloseTo(-0.75, 9);
  });

  it('moves every selected box together as one undo step', () => {
    const ed = editor();
    ed.store.getState().select(['b']);
    ed.pointerDown([10, 0, -1.7], onA, 'top', { shiftKey: true });
    ed.pointerMove([10, 2, -1.7], onA).pointerUp([10, 2, -1.7], onA);
    expect(ed.cuboid('a').center).toEqual([10, 2, -0.95]);
    expect(ed.cuboid('b').center).toEqual([20, 7, -0.95]);
    expect(ed.undoSteps()).toBe(1);
  });

  it('Escape cancels a drag and restores the box; the release then does nothing', () => {
    const ed = editor();
    ed.pointerDown([10, 0, -1.7], onA).pointerMove([13, 0, -1.7], onA).expectToBeIn('select.translating');
    ed.keyDown('Escape');
    ed.expectToBeIn('select.idle');
    expect(ed.drafts()).toEqual([]);
    ed.pointerUp([13, 0, -1.7], onA);
    expect(ed.cuboid('a').center).toEqual([10, 0, -0.95]);
    expect(ed.undoSteps()).toBe(0);
  });

  it('ignores keys other than Escape while dragging (no undo mid-drag)', () => {
    const ed = editor();
    ed.click([10, 0, -1], onA);
    ed.drag([10, 0, -1.7], [11, 0, -1.7], onA);
    ed.pointerDown([11, 0, -1.7], onA).pointerMove([12, 0, -1.7], onA);
    ed.keyDown('z', { ctrlKey: true });
    ed.keyDown('Delete');
    ed.expectToBeIn('select.translating');
    ed.pointerUp([12, 0, -1.7], onA);
    expect(ed.cuboid('a').center).toEqual([12, 0, -0.95]);
    expect(ed.undoSteps()).toBe(2);
  });

  it('a frame switch mid-drag cancels the gesture', () => {
    const ed = editor();
    ed.pointerDown([10, 0, -1.7], onA).pointerMove([13, 0, -1.7], onA);
    ed.navigation.openFrame('000001');
    ed.expectToBeIn('select.idle');
    expect(ed.drafts()).toEqual([]);
  });
});

describe('select tool: rotating', () => {
  it('turns the box about its centre by the swept angle', () => {
    const ed = editor();
    ed.pointerDown([12, 0, -1.7], handle('rotate')).expectToBeIn('select.rotating');
    ed.pointerMove([10, 2, -1.7], handle('rotate'));
    expect(ed.drafts()[0].yaw).toBeCloseTo(Math.PI / 2, 12);
    ed.pointerUp([10, 2, -1.7], handle('rotate'));
    expect(ed.cuboid('a').yaw).toBeCloseTo(Math.PI / 2, 12);
    expect(ed.cuboid('a').center).toEqual([10, 0, -0.95]);
    expect(ed.selectedIds()).toEqual(['a']);
    expect(ed.undoSteps()).toBe(1);
  });

  it('snaps to 5° steps with shift', () => {
    const ed = editor();
    const angle = (12 * Math.PI) / 180;
    ed.drag([12, 0, -1.7], [10 + 2 * Math.cos(angle), 2 * Math.sin(angle), -1.7], handle('rotate'), 'top', { shiftKey: true });
    expect(ed.cuboid('a').yaw).toBeCloseTo((10 * Math.PI) / 180, 12);
  });
});

describe('select tool: resizing', () => {
  it('moves the +x face in the top view; the back face stays', () => {
    const ed = editor();
    ed.pointerDown([12, 0, -1.7], handle('+x')).expectToBeIn('select.resizing');
    ed.pointerMove([13, 0.4, -1.7], handle('+x')).pointerUp([13, 0.4, -1.7], handle('+x'));
    const c = ed.cuboid('a');
    expect(c.size).toEqual([5, 2, 1.5]);
    expect(c.center).toEqual([10.5, 0, -0.95]);
    expect(ed.undoSteps()).toBe(1);
  });

  it('moves the -y face of a turned box in box-local axes', () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a', { yaw: Math.PI / 2 })] });
    // Box-local −y points along LiDAR +x when yaw = 90°; the −y face is at x = 11.
    ed.drag([11, 0, -1.7], [11.5, 0, -1.7], handle('-y'));
    const c = ed.cuboid('a');
    expect(c.size[1]).toBeCloseTo(2.5, 9);
    expect(c.center[0]).toBeCloseTo(10.25, 9);
    expect(c.center[1]).toBeCloseTo(0, 9);
  });

  it('keeps at least 0.1 m and the opposite face in place', () => {
    const ed = editor();
    ed.drag([12, 0, -1.7], [2, 0, -1.7], handle('+x'));
    const c = ed.cuboid('a');
    expect(c.size[0]).toBeCloseTo(0.1, 12);
    expect(c.center[0]).toBeCloseTo(8.05, 12);
  });

  it('resizes the height from the side view with the bottom fixed, and not from the top view', () => {
    const ed = editor();
    ed.drag([10, 0, -0.2], [10, 0, 0.3], handle('+z'), 'side');
    expect(ed.cuboid('a').size[2]).toBeCloseTo(2, 12);
    expect(ed.cuboid('a').center[2]).toBeCloseTo(-0.7, 12);
    ed.drag([10, 0, -1.7], [10, 3, -1.7], handle('+z'), 'top');
    expect(ed.cuboid('a').size[2]).toBeCloseTo(2, 12);
    expect(ed.undoSteps()).toBe(1);
  });

  it('Escape restores the box mid-resize', () => {
    const ed = editor();
    ed.pointerDown([12, 0, -1.7], handle('+x')).pointerMove([15, 0, -1.7], handle('+x'));
    expect(ed.drafts()[0].size[0]).toBe(7);
    ed.keyDown('Escape');
    ed.expectToBeIn('select.idle');
    expect(ed.cuboid('a').size[0]).toBe(4);
    expect(ed.drafts()).toEqual([]);
  });
});
