import { describe, expect, it } from 'vitest';
import { TestEditor, testCuboid } from '../../helpers/TestEditor.ts';
import { showRefusal } from '../../../src/actions/updateCuboid.ts';

function selected(yaw = 0) {
  const ed = new TestEditor({ cuboids: [testCuboid('a', { yaw }), testCuboid('b', { center: [20, 4, -0.95] })] });
  ed.store.getState().select(['a']);
  return ed;
}

const deg = (d: number) => (d * Math.PI) / 180;

describe('nudge', () => {
  it('moves in the LiDAR frame with arrows, 0.1 m or 0.5 m with shift', () => {
    const ed = selected();
    ed.keyDown('ArrowUp');
    ed.keyDown('ArrowLeft', { shiftKey: true });
    ed.keyDown('ArrowUp', { altKey: true });
    const c = ed.cuboid('a').center;
    expect(c[0]).toBeCloseTo(10.1, 12);
    expect(c[1]).toBeCloseTo(0.5, 12);
    expect(c[2]).toBeCloseTo(-0.85, 12);
    expect(ed.cuboid('b').center).toEqual([20, 4, -0.95]);
    expect(ed.undoSteps()).toBe(3);
  });

  it('moves in the box frame with ctrl+arrows', () => {
    const ed = selected(Math.PI / 2);
    ed.keyDown('ArrowUp', { ctrlKey: true });
    ed.keyDown('ArrowRight', { ctrlKey: true, shiftKey: true });
    const c = ed.cuboid('a').center;
    expect(c[0]).toBeCloseTo(10.5, 12);
    expect(c[1]).toBeCloseTo(0.1, 12);
  });
});

describe('rotate, resize, snap', () => {
  it('Q/E turn by 1° (shift 5°)', () => {
    const ed = selected();
    ed.keyDown('q');
    ed.keyDown('E', { shiftKey: true });
    expect(ed.cuboid('a').yaw).toBeCloseTo(deg(-4), 12);
  });

  it('resizes length/width about the centre and height upward from the bottom', () => {
    const ed = selected();
    ed.keyDown(']');
    ed.keyDown(':', { shiftKey: true });
    ed.keyDown('=');
    const c = ed.cuboid('a');
    expect(c.size[0]).toBeCloseTo(4.1, 12);
    expect(c.size[1]).toBeCloseTo(1.5, 12);
    expect(c.size[2]).toBeCloseTo(1.6, 12);
    expect(c.center[2] - c.size[2] / 2).toBeCloseTo(-1.7, 12);
    for (let i = 0; i < 30; i++) ed.keyDown('-');
    expect(ed.cuboid('a').size[2]).toBeCloseTo(0.1, 12);
  });

  it('snaps the bottom to the ground, and says when the ground is unknown', () => {
    const ed = selected();
    ed.ground.z = -2;
    ed.keyDown('g');
    expect(ed.cuboid('a').center[2]).toBeCloseTo(-1.25, 12);
    ed.ground.z = null;
    expect(ed.keyDown('g')).toBe(true);
    expect(ed.store.getState().ui.message?.text).toBe('Ground height unknown under 1 box.');
  });
});

describe('class and attributes', () => {
  it('number keys relabel only the selection, and set the class of new boxes when nothing is selected', () => {
    const ed = selected();
    ed.keyDown('3');
    expect(ed.cuboid('a').label).toBe('Truck');
    expect(ed.cuboid('b').label).toBe('Car');
    // The class for new boxes is left alone while a box is selected (the next F is not a Truck).
    expect(ed.store.getState().classes.current).toBe('Car');
    ed.store.getState().clearSelection();
    ed.keyDown('8');
    expect(ed.store.getState().classes.current).toBe('Misc');
    expect(ed.undoSteps()).toBe(1);
    // DontCare is no box class (such a box could never be saved): 9 is not bound.
    expect(ed.store.getState().classes.palette).not.toContain('DontCare');
    expect(ed.keyDown('9')).toBe(false);
    expect(ed.store.getState().classes.current).toBe('Misc');
  });

  it('a box relabelled with a number key does not change what F makes next', async () => {
    const ed = selected();
    ed.keyDown('2');
    ed.store.getState().clearSelection();
    ed.setTool('fit');
    ed.pointerDown([30, 4, -1.7], { kind: 'points', point: [30, 4, -0.8] }).pointerUp([30, 4, -1.7], { kind: 'points', point: [30, 4, -0.8] });
    await ed.settle();
    expect(ed.fit.calls.at(-1)?.options.label).toBe('Car');
    expect(ed.cuboids().at(-1)?.label).toBe('Car');
  });

  it('number keys beyond a short palette fall through', () => {
    const ed = selected();
    ed.store.getState().setPalette(['Car', 'Pedestrian']);
    expect(ed.keyDown('3')).toBe(false);
    expect(ed.cuboid('a').label).toBe('Car');
  });

  it('T cycles truncated 0 → 0.5 → 1 → 0 and O cycles occluded 0 → 1 → 2 → 0', () => {
    const ed = selected();
    const seen: number[][] = [];
    for (let i = 0; i < 4; i++) {
      ed.keyDown('t');
      ed.keyDown('o');
      const a = ed.cuboid('a').attributes;
      seen.push([a.truncated, a.occluded]);
    }
    expect(seen).toEqual([
      [0.5, 1],
      [1, 2],
      [0, 0],
      [0.5, 1],
    ]);
  });
});

describe('delete and duplicate', () => {
  it('deletes the selection with Delete or Backspace', () => {
    const ed = selected();
    ed.keyDown('Backspace');
    expect(ed.cuboids().map((c) => c.id)).toEqual(['b']);
    expect(ed.selectedIds()).toEqual([]);
  });

  it('duplicates beside the box with new ids and selects the copy', () => {
    const ed = selected(Math.PI / 2);
    ed.keyDown('d', { ctrlKey: true });
    expect(ed.cuboids()).toHaveLength(3);
    const copy = ed.cuboids()[2];
    expect(copy.id).not.toBe('a');
    expect(copy.trackId).not.toBe('t-a');
    expect(copy.center[0]).toBeCloseTo(10 - 2.2, 12);
    expect(copy.center[1]).toBeCloseTo(0, 12);
    expect(ed.selectedIds()).toEqual([copy.id]);
  });
});

describe('fit actions', () => {
  it('refit sends the box as the prior and takes the fitted geometry', async () => {
    const ed = selected();
    ed.keyDown('r');
    await ed.settle();
    expect(ed.fit.calls[0]).toMatchObject({ point: [10, 0, -0.95], options: { label: 'Car', prior: { id: 'a' } } });
    expect(ed.cuboid('a')).toMatchObject({ source: 'fit', size: [4, 1.8, 1.5], yaw: 0.3 });
    ed.keyDown('h');
    await ed.settle();
    // Cycling a refitted box asks with the refit's seed and prior, not the moving box.
    expect(ed.fit.calls.at(-1)).toMatchObject({ point: [10, 0, -0.95], options: { prior: { center: [10, 0, -0.95], yaw: 0 }, headingIndex: 1 } });
  });

  it('refit leaves out the points of the other boxes around (as F does), never its own box', async () => {
    const ed = new TestEditor({
      cuboids: [testCuboid('a', { center: [10, 0, -0.95] }), testCuboid('b', { center: [15, 0, -0.95] }), testCuboid('far', { center: [60, 0, -0.95] })],
    });
    ed.store.getState().select(['a']);
    ed.keyDown('r');
    await ed.settle();
    expect(ed.fit.calls[0].options.exclude).toEqual([{ center: [15, 0, -0.95], size: ed.cuboid('b').size, yaw: ed.cuboid('b').yaw }]);
  });

  it('R on a box fitted as a Car and relabelled Van fits it afresh as a Van (a car-sized box suits a Van too)', async () => {
    const ed = new TestEditor({ cuboids: [] });
    ed.pointerMove([30, 2, -1.7], { kind: 'points', point: [30, 2, -1.2] });
    ed.executeAction('fitAtCursor');
    await ed.settle();
    const id = ed.doc().cuboids[0].id;
    expect(ed.fit.calls.at(-1)?.options.label).toBe('Car');
    ed.store.getState().select([id]);
    ed.keyDown('2'); // Van
    ed.keyDown('r');
    await ed.settle();
    expect(ed.fit.calls.at(-1)?.options).toMatchObject({ label: 'Van' });
    expect(ed.fit.calls.at(-1)?.options.prior).toBeUndefined();
    // Refitted as a Van: the next R takes the box as it is, when its size suits a Van.
    expect(ed.store.getState().interaction.fitHints[id]?.label).toBe('Van');
  });

  it("R after a class key refits with the box's new class, not the old class's size", async () => {
    const ed = selected();
    ed.keyDown('4'); // Pedestrian: a 4 × 2 × 1.5 m box is no pedestrian's size
    ed.keyDown('r');
    await ed.settle();
    const call = ed.fit.calls.at(-1)!;
    expect(call.options.label).toBe('Pedestrian');
    expect(call.options.prior).toBeUndefined();
    ed.keyDown('h');
    await ed.settle();
    expect(ed.fit.calls.at(-1)?.options).toMatchObject({ label: 'Pedestrian', headingIndex: 1 });
    expect(ed.fit.calls.at(-1)?.options.prior).toBeUndefined();
  });

  it('refit keeps boxes the fit finds nothing for, and says so', async () => {
    const ed = selected();
    ed.fit.answer = () => null;
    ed.keyDown('r');
    await ed.settle();
    expect(ed.cuboid('a').source).toBe('manual');
    expect(ed.store.getState().ui.message?.text).toBe('Refit found no points for 1 box.');
    expect(ed.undoSteps()).toBe(0);
  });

  it('refit keeps a box whose object gives fewer than 10 returns (a low-confidence fit), and says why', async () => {
    const ed = selected();
    const before = ed.cuboid('a');
    ed.fit.answer = (point) => ({
      center: [point[0] + 0.5, point[1], -0.9],
      size: [4, 1.8, 1.5],
      yaw: 0.4,
      pointCount: 9,
      headingCandidates: [0.4],
      confidence: 'low',
    });
    ed.keyDown('r');
    await ed.settle();
    expect(ed.cuboid('a')).toEqual(before);
    expect(ed.store.getState().ui.message?.text).toMatch(/kept as placed: fewer than 10 returns/);
  });

  it('cycleHeading steps through fit candidates, else turns a quarter keeping the footprint', async () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a')] });
    ed.pointerMove([30, 2, -1.7]);
    ed.keyDown(' ');
    await ed.settle();
    const id = ed.selectedIds()[0];
    ed.keyDown('h');
    await ed.settle();
    expect(ed.fit.calls.at(-1)).toMatchObject({ point: [30, 2, -1.7], options: { label: 'Car', headingIndex: 1 } });
    expect(ed.fit.calls.at(-1)?.options.prior).toBeUndefined();
    expect(ed.cuboid(id).yaw).toBeCloseTo(0.3 + Math.PI / 2, 12);
    ed.keyDown('h');
    ed.keyDown('h');
    await ed.settle();
    expect(ed.store.getState().interaction.fitHints[id].index).toBe(0);

    ed.store.getState().select(['a']);
    ed.keyDown('h');
    await ed.settle();
    expect(ed.cuboid('a').yaw).toBeCloseTo(Math.PI / 2, 12);
    expect(ed.cuboid('a').size).toEqual([2, 4, 1.5]);
  });

  it('fitAtCursor asks for a pointer position first', async () => {
    const ed = new TestEditor();
    ed.keyDown(' ');
    await ed.settle();
    expect(ed.cuboids()).toEqual([]);
    expect(ed.store.getState().ui.message?.text).toMatch(/Point at an object/);
  });
});

describe('selection, tools, frames, help, save', () => {
  it('Tab and shift+Tab walk the boxes in order, wrapping', () => {
    const ed = new TestEditor({ cuboids: [testCuboid('a'), testCuboid('b'), testCuboid('c')] });
    ed.keyDown('Tab');
    expect(ed.selectedIds()).toEqual(['a']);
    ed.keyDown('Tab');
    ed.keyDown('Tab');
    ed.keyDown('Tab');
    expect(ed.selectedIds()).toEqual(['a']);
    ed.keyDown('Tab', { shiftKey: true });
    expect(ed.selectedIds()).toEqual(['c']);
    // Each step asks the main view to bring the box on screen (it slides only when it is not).
    expect(ed.store.getState().view.revealRequest).toBe(5);
    ed.keyDown('a', { ctrlKey: true });
    expect(ed.selectedIds()).toEqual(['a', 'b', 'c']);
  });

  it('V, B and F switch tools', () => {
    const ed = new TestEditor();
    ed.keyDown('b');
    ed.expectToBeIn('draw.idle');
    ed.keyDown('f');
    ed.expectToBeIn('fit.idle');
    ed.keyDown('v');
    ed.expectToBeIn('select.idle');
  });

  it('D / A and PageDown / PageUp open the next and previous frames, stopping at the ends', async () => {
    const ed = new TestEditor({ frames: ['000000', '000001', '000002'] });
    ed.keyDown('d');
    ed.keyDown('PageDown');
    await ed.settle();
    expect(ed.navigation.opened).toEqual(['000001', '000002']);
    ed.keyDown('d');
    await ed.settle();
    expect(ed.store.getState().ui.message?.text).toBe('This is the last frame.');
    ed.keyDown('a');
    ed.keyDown('PageUp');
    ed.keyDown('PageUp');
    await ed.settle();
    expect(ed.navigation.opened).toEqual(['000001', '000002', '000001', '000000']);
    expect(ed.store.getState().ui.message?.text).toBe('This is the first frame.');
  });

  it('? toggles help and ctrl+s saves now', async () => {
    const ed = new TestEditor();
    ed.keyDown('?', { shiftKey: true });
    expect(ed.store.getState().ui.helpOpen).toBe(true);
    ed.keyDown('s', { ctrlKey: true });
    await ed.settle();
    expect(ed.saver.count).toBe(1);
  });
});

describe('updateCuboid (panels)', () => {
  it('sets fields of one box, raising an edge under 0.1 m (saying so), and rejects a malformed value', () => {
    const ed = selected();
    ed.executeAction('updateCuboid', {}, { id: 'b', patch: { size: [0.0001, 2, 1.5], label: 'Van' } });
    expect(ed.cuboid('b')).toMatchObject({ size: [0.1, 2, 1.5], label: 'Van' });
    expect(ed.store.getState().ui.message?.text).toBe('l 0.0001 m raised to 0.10 m, the least a box may measure.');
    expect(() => ed.executeAction('updateCuboid', {}, { patch: {} })).toThrow(/updateCuboid: value must be/);
  });

  it('refuses an edge of 0 or less (it was made 0.1 m in silence), and the next edit applied takes the message away', () => {
    const ed = selected();
    const before = ed.cuboid('b');
    ed.executeAction('updateCuboid', {}, { id: 'b', patch: { size: [-5, 2, 1.5] } });
    expect(ed.cuboid('b')).toEqual(before);
    expect(ed.store.getState().ui.message?.text).toBe("l -5 m is no size: a box's edge is longer than 0: not changed.");
    ed.executeAction('updateCuboid', {}, { id: 'b', patch: { yaw: 0.5 } });
    expect(ed.cuboid('b').yaw).toBe(0.5);
    expect(ed.store.getState().ui.message).toBeNull();
    // The panel's own refusal (text that is no number) goes the same way.
    showRefusal(ed.store, 'h: what was typed is not a number (decimals take a point: 3.5): not changed.');
    ed.executeAction('updateCuboid', {}, { id: 'b', patch: { yaw: 0.6 } });
    expect(ed.store.getState().ui.message).toBeNull();
  });

  it('refuses a value the save would refuse, saying why, so the frame can still be saved', () => {
    const ed = selected();
    const before = ed.cuboid('b');
    const steps = ed.undoSteps();
    ed.executeAction('updateCuboid', {}, { id: 'b', patch: { size: [20000, 2, 1.5] } });
    expect(ed.cuboid('b')).toEqual(before);
    expect(ed.store.getState().ui.message?.text).toBe('l 20000 m is more than the 10,000 m a box may measure: not changed.');
    ed.executeAction('updateCuboid', {}, { id: 'b', patch: { center: [1, 2e6, 0] } });
    expect(ed.store.getState().ui.message?.text).toMatch(/^y 2000000 m is beyond the 1,000,000 m/);
    ed.executeAction('updateCuboid', {}, { id: 'b', patch: { yaw: Number.NaN } });
    expect(ed.cuboid('b')).toEqual(before);
    expect(ed.undoSteps()).toBe(steps);
  });
});
