import { describe, expect, it } from 'vitest';
import { TestEditor, testCuboid } from '../../helpers/TestEditor.ts';

function drawEditor() {
  return new TestEditor().setTool('draw');
}

describe('draw tool', () => {
  it('a drag on a handle of a box turns it in the select tool, drawing nothing', () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a')] }).setTool('draw');
    const rotate = { kind: 'cuboid' as const, id: 'a', handle: 'rotate' as const };
    ed.pointerDown([12, 0, -1.7], rotate).expectToBeIn('select.rotating');
    ed.pointerMove([10, 2, -1.7], rotate).pointerUp([10, 2, -1.7], rotate);
    expect(ed.cuboids()).toHaveLength(1);
    expect(ed.cuboid('a').yaw).toBeCloseTo(Math.PI / 2, 6);
    expect(ed.selectedIds()).toEqual(['a']);
  });

  it('creates a box from a rectangle dragged in the top view: class height, bottom on the ground', () => {
    const ed = drawEditor();
    ed.expectToBeIn('draw.idle');
    ed.pointerDown([5, -1, -1.7]).expectToBeIn('draw.dragging');
    ed.pointerMove([7, 0, -1.7]);
    expect(ed.drafts()).toHaveLength(1);
    expect(ed.cuboids()).toHaveLength(0);
    const draftId = ed.drafts()[0].id;
    ed.pointerMove([9, 1, -1.7]).pointerUp([9, 1, -1.7]).expectToBeIn('draw.idle');
    expect(ed.cuboids()).toHaveLength(1);
    const c = ed.cuboids()[0];
    expect(c.id).toBe(draftId);
    expect(c.label).toBe('Car');
    expect(c.source).toBe('manual');
    expect(c.yaw).toBe(0);
    expect(c.size).toEqual([4, 2, 1.56]);
    expect(c.center[0]).toBeCloseTo(7, 12);
    expect(c.center[1]).toBeCloseTo(0, 12);
    expect(c.center[2]).toBeCloseTo(-1.7 + 1.56 / 2, 12);
    expect(ed.selectedIds()).toEqual([c.id]);
    expect(ed.drafts()).toEqual([]);
    expect(ed.undoSteps()).toBe(1);
  });

  it('heads along the longer side of the rectangle', () => {
    const ed = drawEditor();
    ed.drag([0, 0, -1.7], [1, 5, -1.7]);
    const c = ed.cuboids()[0];
    expect(c.yaw).toBeCloseTo(Math.PI / 2, 12);
    expect(c.size[0]).toBeCloseTo(5, 12);
    expect(c.size[1]).toBeCloseTo(1, 12);
  });

  it('follows a rotated top view (viewYaw)', () => {
    const ed = drawEditor();
    const yaw = Math.PI / 6;
    // Corners (0,0) and (4,1.5) in the view's frame, expressed in the LiDAR frame.
    const to: [number, number, number] = [4 * Math.cos(yaw) - 1.5 * Math.sin(yaw), 4 * Math.sin(yaw) + 1.5 * Math.cos(yaw), -1.7];
    ed.pointerDown([0, 0, -1.7], { kind: 'ground' }, 'top', { viewYaw: yaw });
    ed.pointerMove(to, { kind: 'ground' }, 'top', { viewYaw: yaw }).pointerUp(to, { kind: 'ground' }, 'top', { viewYaw: yaw });
    const c = ed.cuboids()[0];
    expect(c.yaw).toBeCloseTo(yaw, 12);
    expect(c.size[0]).toBeCloseTo(4, 12);
    expect(c.size[1]).toBeCloseTo(1.5, 12);
  });

  it('uses the current class and falls back to the lower drag point when the ground is unknown', () => {
    const ed = drawEditor();
    ed.ground.z = null;
    ed.keyDown('4');
    ed.drag([0, 0, -1.5], [1, 0.8, -1.6]);
    const c = ed.cuboids()[0];
    expect(c.label).toBe('Pedestrian');
    expect(c.center[2]).toBeCloseTo(-1.6 + 1.73 / 2, 12);
  });

  it('a click without dragging fits a box; shift-click places a default box without fitting', async () => {
    const ed = drawEditor();
    ed.click([12, 3, -1.2], { kind: 'points', point: [12, 3, -1.2] });
    await ed.settle();
    expect(ed.fit.calls).toHaveLength(1);
    expect(ed.cuboids()[0].source).toBe('fit');
    ed.click([20, -3, -1.7], { kind: 'ground' }, 'top', { shiftKey: true });
    await ed.settle();
    expect(ed.fit.calls).toHaveLength(1);
    const c = ed.cuboids()[1];
    expect(c.source).toBe('manual');
    expect(c.size).toEqual([3.9, 1.6, 1.56]);
    expect(c.center).toEqual([20, -3, -1.7 + 0.78]);
  });

  it('Escape cancels the rectangle', () => {
    const ed = drawEditor();
    ed.pointerDown([0, 0, -1.7]).pointerMove([3, 2, -1.7]);
    ed.keyDown('Escape');
    ed.expectToBeIn('draw.idle');
    ed.pointerUp([3, 2, -1.7]);
    expect(ed.drafts()).toEqual([]);
    expect(ed.cuboids()).toEqual([]);
  });

  it('ignores presses in the side and front views', () => {
    const ed = drawEditor();
    ed.pointerDown([0, 0, 0], { kind: 'ground' }, 'side').expectToBeIn('draw.idle');
  });

  it('switching tool mid-drag drops the draft', () => {
    const ed = drawEditor();
    ed.pointerDown([0, 0, -1.7]).pointerMove([3, 2, -1.7]);
    ed.setTool('select').expectToBeIn('select.idle');
    expect(ed.drafts()).toEqual([]);
  });
});
