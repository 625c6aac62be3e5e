import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestEditor, testCuboid } from '../../helpers/TestEditor.ts';

function fitEditor() {
  return new TestEditor({ cuboids: [testCuboid('a')] }).setTool('fit');
}

describe('fit tool', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fits a box at the clicked cloud point and selects it (one undo step)', async () => {
    const ed = fitEditor();
    ed.pointerDown([30, 4, -1.7], { kind: 'points', point: [30, 4, -0.8] }).expectToBeIn('fit.pointing');
    ed.pointerUp([30, 4, -1.7], { kind: 'points', point: [30, 4, -0.8] }).expectToBeIn('fit.idle');
    expect(ed.store.getState().interaction.pendingFits).toBe(1);
    await ed.settle();
    expect(ed.fit.calls).toEqual([{ frameId: '000000', point: [30, 4, -0.8], options: { label: 'Car' } }]);
    const c = ed.cuboids()[1];
    expect(c).toMatchObject({ label: 'Car', source: 'fit', center: [30, 4, -0.95], size: [4, 1.8, 1.5], yaw: 0.3 });
    expect(ed.selectedIds()).toEqual([c.id]);
    expect(ed.store.getState().interaction.pendingFits).toBe(0);
    expect(ed.store.getState().interaction.fitHints[c.id]).toEqual({
      candidates: [0.3, 0.3 + Math.PI / 2, 0.3 + Math.PI],
      index: 0,
      seed: [30, 4, -0.8],
      prior: null,
      label: 'Car',
    });
    expect(ed.undoSteps()).toBe(1);
  });

  it('a drag on a handle of the selected box resizes it (the select tool takes over and stays)', () => {
    const ed = fitEditor();
    ed.store.getState().select(['a']);
    const top = { kind: 'cuboid' as const, id: 'a', handle: '+z' as const };
    ed.drag([10, 0, -0.2], [10, 0, 0.3], top, 'side');
    expect(ed.cuboid('a').size[2]).toBeCloseTo(2, 12);
    expect(ed.fit.calls).toHaveLength(0);
    ed.expectToBeIn('select.idle');
    expect(ed.undoSteps()).toBe(1);
  });

  it('places a class-default box and says so when the fit finds nothing', async () => {
    const ed = fitEditor();
    ed.fit.answer = () => null;
    ed.keyDown('6');
    ed.click([5, 5, -1.7]);
    await ed.settle();
    const c = ed.cuboids()[1];
    expect(c).toMatchObject({ label: 'Cyclist', source: 'manual', size: [1.76, 0.6, 1.73], center: [5, 5, -1.7 + 0.865] });
    expect(ed.store.getState().ui.message).toMatchObject({ level: 'warning', text: expect.stringContaining('No points to fit') });
  });

  it('shift-click creates without asking the fit service', async () => {
    const ed = fitEditor();
    ed.click([5, 5, -1.7], { kind: 'ground' }, 'top', { shiftKey: true });
    await ed.settle();
    expect(ed.fit.calls).toEqual([]);
    expect(ed.cuboids()).toHaveLength(2);
  });

  it('leaves drags to the camera and selects boxes on click', async () => {
    const ed = fitEditor();
    ed.drag([5, 5, -1.7], [9, 5, -1.7]);
    await ed.settle();
    expect(ed.fit.calls).toEqual([]);
    ed.click([10, 0, -1], { kind: 'cuboid', id: 'a' });
    expect(ed.selectedIds()).toEqual(['a']);
    expect(ed.cuboids()).toHaveLength(1);
  });

  it('a double click makes one box, and a fit on an object that has its box selects that box', async () => {
    const ed = fitEditor();
    ed.fit.hold = true;
    ed.click([30, 4, -1.7], { kind: 'points', point: [30, 4, -0.8] });
    ed.click([30.1, 4, -1.7], { kind: 'points', point: [30.1, 4, -0.8] });
    ed.fit.release();
    await ed.settle();
    expect(ed.fit.calls).toHaveLength(1);
    expect(ed.cuboids()).toHaveLength(2);
    const first = ed.cuboids()[1];
    // The second click of a double click that lands after the fit made the box: nothing more.
    ed.fit.hold = false;
    ed.store.getState().showMessage('Fitted.', 'info');
    ed.click([30.5, 4.1, -1.7], { kind: 'points', point: [30.5, 4.1, -0.8] });
    await ed.settle();
    expect(ed.store.getState().ui.message?.text).toBe('Fitted.');
    // A later click on the same car (the checks had not re-run yet, a second N) fits the same box.
    const later = Date.now() + 5000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    ed.store.getState().clearSelection();
    ed.click([30.5, 4.1, -1.7], { kind: 'points', point: [30.5, 4.1, -0.8] });
    await ed.settle();
    expect(ed.cuboids()).toHaveLength(2);
    expect(ed.selectedIds()).toEqual([first.id]);
    expect(ed.store.getState().ui.message?.text).toBe('This Car has a box already: selected it.');
    expect(ed.undoSteps()).toBe(1);
    // A locked box is not selected: the message says why nothing happened.
    ed.store.getState().clearSelection();
    ed.store.getState().setBoxLocked(first.id);
    ed.click([30.5, 4.1, -1.7], { kind: 'points', point: [30.5, 4.1, -0.8] });
    await ed.settle();
    expect(ed.selectedIds()).toEqual([]);
    expect(ed.store.getState().ui.message?.text).toMatch(/has a box already \(locked/);
    // Another class there is another box (a rider beside a parked car is drawn on purpose).
    ed.keyDown('6');
    ed.click([30.5, 4.1, -1.7], { kind: 'points', point: [30.5, 4.1, -0.8] });
    await ed.settle();
    expect(ed.cuboids()).toHaveLength(3);
  });

  it('drops a result that arrives after the frame changed', async () => {
    const ed = fitEditor();
    ed.fit.hold = true;
    ed.click([5, 5, -1.7]);
    ed.navigation.openFrame('000001');
    ed.fit.release();
    await ed.settle();
    expect(ed.doc().frameId).toBe('000001');
    expect(ed.cuboids()).toEqual([]);
    expect(ed.undoSteps()).toBe(0);
  });

  it('reports a failing fit service and creates nothing', async () => {
    const ed = fitEditor();
    ed.fit.answer = () => {
      throw new Error('worker crashed');
    };
    ed.click([5, 5, -1.7]);
    await ed.settle();
    expect(ed.cuboids()).toHaveLength(1);
    expect(ed.store.getState().ui.message).toMatchObject({ level: 'error', text: 'Fit failed: worker crashed' });
    expect(ed.store.getState().interaction.pendingFits).toBe(0);
  });

  it('tells the user to open a frame when none is loaded', async () => {
    const ed = new TestEditor({ frameId: null }).setTool('fit');
    ed.click([5, 5, -1.7]);
    await ed.settle();
    expect(ed.fit.calls).toEqual([]);
    expect(ed.store.getState().ui.message?.text).toMatch(/Open a frame/);
  });
});
