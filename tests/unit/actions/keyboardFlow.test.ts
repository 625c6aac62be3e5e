import { describe, expect, it } from 'vitest';
import { TestEditor } from '../../helpers/TestEditor.ts';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';

describe('keyboard-first annotation', () => {
  it('fit at the cursor → class key → next frame, without a click', async () => {
    const ed = new TestEditor({ frames: ['000000', '000001'] });
    ed.navigation.docs['000001'] = emptyAnnotation('000001');
    // The pointer hovers a cyclist in the main view; no button is pressed.
    ed.pointerMove([8, -3, -1.7], { kind: 'points', point: [8, -3, -1.1] }, 'main');
    ed.keyDown(' ');
    await ed.settle();
    expect(ed.fit.calls[0].point).toEqual([8, -3, -1.1]);
    const id = ed.selectedIds()[0];
    ed.keyDown('6');
    expect(ed.cuboid(id)).toMatchObject({ label: 'Cyclist', source: 'fit' });
    expect(ed.undoSteps()).toBe(2);
    ed.keyDown('d');
    await ed.settle();
    expect(ed.navigation.opened).toEqual(['000001']);
    expect(ed.doc().frameId).toBe('000001');
    expect(ed.undoSteps()).toBe(0);
    expect(ed.selectedIds()).toEqual([]);
    // Relabelling the box left the class for new boxes alone; with nothing selected a class key
    // sets it, and it stays for the next frame's boxes.
    ed.keyDown(' ', { shiftKey: true });
    await ed.settle();
    expect(ed.cuboids()[0].label).toBe('Car');
    ed.store.getState().clearSelection();
    ed.keyDown('6');
    ed.keyDown(' ', { shiftKey: true });
    await ed.settle();
    expect(ed.cuboids()[1].label).toBe('Cyclist');
  });

  it('N boxes the missed objects the checks found, one after the other, with no pointing at all', async () => {
    const ed = new TestEditor({ frames: ['000000'] });
    const frameId = ed.doc().frameId;
    const cluster = (x: number, y: number, suggestedLabel?: string, severity: 'warning' | 'info' = 'warning') => ({
      ...(suggestedLabel ? { suggestedLabel } : {}),
      ruleId: 'unlabelledCluster',
      severity,
      cuboidId: null,
      location: [x, y, -1] as [number, number, number],
      message: 'a missed Car?',
      dictionaryEntry: 'every-object-boxed',
    });
    // N skips infos and clusters whose suggested class is neither a vehicle nor a person.
    const skipped = [cluster(6, 1, 'Car', 'info'), cluster(7, -1, 'Misc'), cluster(8, 2)];
    ed.store.getState().setChecks({
      frameId,
      status: 'done',
      results: [cluster(20, -4, 'Car'), { ...cluster(12, 3, 'Pedestrian'), radius: 0.5 }, ...skipped],
      error: null,
    });
    // The fitted box's centre lies beyond the cluster's returns (the far side is unseen).
    const fitAnswer = ed.fit.answer;
    ed.fit.answer = (point, options) => {
      const r = fitAnswer(point, options);
      return r && { ...r, center: [point[0] + 1.2, point[1] - 0.3, r.center[2]] };
    };
    ed.keyDown('n');
    await ed.settle();
    expect(ed.fit.calls.map((c) => c.point)).toEqual([[12, 3, -1]]);
    // The fit keeps to the finding's cluster: its radius and 1 m more.
    expect(ed.fit.calls[0].options).toMatchObject({ label: 'Pedestrian', reach: 1.5 });
    // The nearest first, with the class the check suggests for the cluster's size (not the current class).
    expect(ed.cuboid(ed.selectedIds()[0]).label).toBe('Pedestrian');
    expect(ed.store.getState().ui.message?.text).toBe(
      // Where the new box is, not where the returns were found.
      'Boxed a Pedestrian at (13.2, 2.7); 1 more listed. A number key changes its class; X if it is not an object.',
    );
    // The view frames the new box (the selection), as F would: a far box was a speck.
    expect(ed.store.getState().view).toMatchObject({ frameRequest: 1, frameTarget: null });
    ed.keyDown('2');
    expect(ed.cuboid(ed.selectedIds()[0])).toMatchObject({ label: 'Van', source: 'fit' });
    // The checks re-ran: the first cluster is boxed now.
    ed.store.getState().setChecks({ frameId, status: 'done', results: [cluster(20, -4, 'Car'), ...skipped], error: null });
    ed.keyDown('n');
    await ed.settle();
    expect(ed.fit.calls.map((c) => c.point)).toEqual([
      [12, 3, -1],
      [20, -4, -1],
    ]);
    expect(ed.cuboids()).toHaveLength(2);
    ed.store.getState().setChecks({ frameId, status: 'done', results: skipped, error: null });
    ed.keyDown('n');
    await ed.settle();
    expect(ed.fit.calls).toHaveLength(2);
    expect(ed.store.getState().ui.message?.text).toBe(
      'No likely missed vehicle or person in this frame; 3 low-confidence candidates are listed in the checks panel.',
    );
    ed.store.getState().setChecks({ frameId, status: 'done', results: [], error: null });
    ed.keyDown('n');
    await ed.settle();
    expect(ed.store.getState().ui.message?.text).toBe('The checks found no missed object in this frame.');
  });

  it('N places a track gap’s box, with the track’s id and the size the frames around give it, before a farther missed cluster', async () => {
    const ed = new TestEditor({ frames: ['000000'] });
    const frameId = ed.doc().frameId;
    const bridged = { center: [9, -2, -0.9] as [number, number, number], size: [4.1, 1.7, 1.5] as [number, number, number], yaw: 0.2 };
    const gap = {
      ruleId: 'trackGap',
      severity: 'error' as const,
      cuboidId: null,
      location: bridged.center,
      message: 'Missed box? Track t4 (Car) has a box in frames 000000 and 000002 but none here; 80 returns lie where it would be (9.0, -2.0)',
      dictionaryEntry: 'track-continuity',
      suggestedLabel: 'Car',
      track: { trackId: 't4', box: bridged },
    };
    const far = { ...gap, ruleId: 'unlabelledCluster', severity: 'warning' as const, location: [30, 5, -1] as [number, number, number], track: undefined };
    ed.store.getState().setChecks({ frameId, status: 'done', results: [far, gap], error: null });
    const framed = ed.store.getState().view.frameRequest;
    ed.keyDown('n');
    await ed.settle();
    expect(ed.fit.calls).toHaveLength(0);
    expect(ed.cuboid(ed.selectedIds()[0])).toMatchObject({ trackId: 't4', label: 'Car', center: bridged.center, size: bridged.size, yaw: 0.2 });
    expect(ed.store.getState().ui.message?.text).toBe("Placed Track t4's Car box where the frames around put it; 1 more listed. Adjust it to its points.");
    // Framed up close, as F does.
    expect(ed.store.getState().view.frameRequest).toBe(framed + 1);
    // Undo takes it away in one step.
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.cuboids()).toHaveLength(0);
  });

  it('D keeps the selected track selected in the next frame', async () => {
    const ed = new TestEditor({ frames: ['000000', '000001'] });
    const car = (id: string, trackId: string | null, x: number) => ({
      id,
      trackId,
      label: 'Car',
      center: [x, 0, -1] as [number, number, number],
      size: [4, 1.8, 1.5] as [number, number, number],
      yaw: 0,
      attributes: { truncated: 0, occluded: 0 },
      source: 'manual' as const,
    });
    ed.navigation.docs['000000'] = { ...emptyAnnotation('000000'), cuboids: [car('a0', 'T1', 10), car('b0', 'T2', 20)] };
    ed.navigation.docs['000001'] = { ...emptyAnnotation('000001'), cuboids: [car('b1', 'T2', 21), car('a1', 'T1', 11), car('loose', null, 5)] };
    await ed.navigation.openFrame('000000');
    ed.store.getState().select(['a0']);
    ed.keyDown('d');
    await ed.settle();
    expect(ed.doc().frameId).toBe('000001');
    expect(ed.selectedIds()).toEqual(['a1']);
    // The view follows the car: 1 m forward, as far as its box moved.
    expect(ed.store.getState().view.panBy).toEqual([1, 0, 0]);
    expect(ed.store.getState().view.panRequest).toBe(1);
  });
});
