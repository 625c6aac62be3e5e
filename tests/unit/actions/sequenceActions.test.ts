import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { createEditor } from '../../../src/actions/createEditor.ts';
import { emptyAnnotation, type FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import type { Cuboid, Vec3 } from '../../../src/domain/types.ts';
import type { EditorServices } from '../../../src/tools/EditorServices.ts';
import type { PropagationStep, SequenceEditResult, SequenceService } from '../../../src/io/sequenceTypes.ts';
import type { InterpolationSizeMode } from '../../../src/domain/sequence/interpolateTrack.ts';
import { FakeFitService, FakeGround, FakeNavigation, FakeSave, frameItem, testCuboid } from '../../helpers/TestEditor.ts';

/** Records calls; answers from settable functions. */
class FakeSequence implements SequenceService {
  propagateCalls: { fromFrameId: string; boxes: Cuboid[]; nFrames: number; lockSize?: boolean }[] = [];
  interpolateCalls: { trackId: string; doc: FrameAnnotation; size?: InterpolationSizeMode }[] = [];
  lockCalls: { trackId: string; size: Vec3 }[] = [];
  fail: Error | null = null;
  interpolation: SequenceEditResult = { savedFrameIds: [], current: [], segments: [] };

  /** Frames after the open one (the fake sequence's end). */
  framesLeft = Infinity;

  async propagate(fromFrameId: string, boxes: readonly Cuboid[], nFrames: number, options: { lockSize?: boolean } = {}): Promise<PropagationStep[]> {
    this.propagateCalls.push({ fromFrameId, boxes: [...boxes], nFrames, lockSize: options.lockSize });
    if (this.fail) throw this.fail;
    return Array.from({ length: Math.min(nFrames, this.framesLeft) }, (_, i) => ({
      frameId: `00000${i + 1}`,
      boxes: boxes.map((b) => ({ ...b, id: `${b.id}-${i + 1}` })),
      statuses: boxes.map((_, k) => (k === 0 && i === nFrames - 1 ? 'low_points' : 'fitted')),
    }));
  }

  async interpolate(trackId: string, doc: FrameAnnotation, options: { size?: InterpolationSizeMode } = {}): Promise<SequenceEditResult> {
    this.interpolateCalls.push({ trackId, doc, size: options.size });
    if (this.fail) throw this.fail;
    return this.interpolation;
  }

  async lockTrackSize(trackId: string, size: Vec3, doc: FrameAnnotation): Promise<SequenceEditResult> {
    this.lockCalls.push({ trackId, size });
    const current = doc.cuboids
      .filter((c) => c.trackId === trackId)
      .map((c) => ({ ...c, size, center: [c.center[0], c.center[1], c.center[2] - c.size[2] / 2 + size[2] / 2] as Vec3 }));
    return { savedFrameIds: ['000001', '000002'], current, segments: [] };
  }
}

function setup(cuboids: Cuboid[], opts: { frame?: string; withService?: boolean } = {}) {
  const store = createAppStore();
  const sequence = new FakeSequence();
  const services: EditorServices = {
    fit: new FakeFitService(),
    ground: new FakeGround(),
    navigation: new FakeNavigation(store),
    save: new FakeSave(),
    ...(opts.withService === false ? {} : { sequence }),
  };
  const editor = createEditor(store, services);
  const frameId = opts.frame ?? '000000';
  store.getState().setFrames(['000000', '000001', '000002', '000003', '000004', '000005', '000006'].map(frameItem));
  store.getState().setCurrentFrame(frameId);
  store.getState().loadDoc({ ...emptyAnnotation(frameId), cuboids });
  const key = (k: string, shiftKey = false) => editor.actions.handleKeyDown({ key: k, shiftKey, ctrlKey: false, altKey: false });
  const doc = () => store.getState().doc!;
  const message = () => store.getState().ui.message;
  const undoSteps = () => store.temporal.getState().pastStates.length;
  return { store, editor, sequence, key, doc, message, undoSteps, settle: () => editor.tools.settle() };
}

describe('copy to next frame (C) and propagate forward (Shift+C)', () => {
  it('C carries the selected boxes one frame, with the lock-size setting, and sums up', async () => {
    const t = setup([testCuboid('a'), testCuboid('b')]);
    t.store.getState().select(['b']);
    expect(t.key('c')).toBe(true);
    await t.settle();
    expect(t.sequence.propagateCalls).toHaveLength(1);
    const call = t.sequence.propagateCalls[0];
    expect(call).toMatchObject({ fromFrameId: '000000', nFrames: 1, lockSize: true });
    expect(call.boxes.map((b) => b.id)).toEqual(['b']);
    expect(t.message()?.text).toBe('Carried 1 box to frame 000001: 0 fitted, 1 needs attention (too few points).');
    expect(t.message()?.level).toBe('warning');
    expect(t.undoSteps()).toBe(0);
  });

  it('without a selection carries every box, giving boxes without a track id one, here too (one undo step)', async () => {
    const t = setup([testCuboid('a', { trackId: null }), testCuboid('b')]);
    t.store.getState().setLockSize(false);
    t.key('c');
    await t.settle();
    const sent = t.sequence.propagateCalls[0];
    expect(sent.boxes.map((b) => b.id)).toEqual(['a', 'b']);
    expect(sent.lockSize).toBe(false);
    const newTrack = sent.boxes[0].trackId;
    expect(newTrack).toMatch(/^t\d+-/);
    expect(t.doc().cuboids[0].trackId).toBe(newTrack);
    expect(t.doc().cuboids[1].trackId).toBe('t-b');
    expect(t.undoSteps()).toBe(1);
  });

  it('Shift+C carries over the configured number of frames (default 5)', async () => {
    const t = setup([testCuboid('a')]);
    expect(t.store.getState().sequence.propagateFrames).toBe(5);
    t.key('C', true);
    await t.settle();
    expect(t.sequence.propagateCalls[0].nFrames).toBe(5);
    expect(t.message()?.text).toBe('Carried 1 box to frames 000001–000005: 4 fitted, 1 needs attention (too few points).');
    t.store.getState().setPropagateFrames(2.6);
    t.key('C', true);
    await t.settle();
    expect(t.sequence.propagateCalls[1].nFrames).toBe(3);
    // Near the end of the sequence it says how many of the frames asked it reached.
    t.sequence.framesLeft = 2;
    t.store.getState().setPropagateFrames(5);
    t.key('C', true);
    await t.settle();
    expect(t.message()?.text).toMatch(/^Carried 1 box to frames 000001–000002 \(2 frames of the 5 asked: the sequence ends there\): /);
    t.store.getState().setPropagateFrames(0);
    expect(t.store.getState().sequence.propagateFrames).toBe(1);
    t.store.getState().setPropagateFrames(1e6);
    expect(t.store.getState().sequence.propagateFrames).toBe(100);
  });

  it('carries nothing from the last frame, and says so, as when there is no service or no box', async () => {
    const last = setup([testCuboid('a')], { frame: '000006' });
    last.key('c');
    await last.settle();
    expect(last.sequence.propagateCalls).toHaveLength(0);
    expect(last.message()?.text).toBe('This is the last frame: there is no frame after it to carry boxes to.');
    const none = setup([testCuboid('a')], { withService: false });
    none.key('c');
    await none.settle();
    expect(none.message()?.text).toMatch(/not available/);
    const empty = setup([]);
    empty.key('c');
    await empty.settle();
    expect(empty.message()?.text).toBe('No boxes to carry forward.');
    expect(empty.sequence.propagateCalls).toHaveLength(0);
  });

  it('reports a failure and still writes the new track ids', async () => {
    const t = setup([testCuboid('a', { trackId: null })]);
    t.sequence.fail = new Error('frame 000003 was changed by someone else twice while saving; try again');
    t.key('c', true);
    await t.settle();
    expect(t.message()).toMatchObject({ level: 'error', text: 'Propagation failed: frame 000003 was changed by someone else twice while saving; try again' });
    expect(t.doc().cuboids[0].trackId).toBe(t.sequence.propagateCalls[0].boxes[0].trackId);
  });
});

describe('keyframes (K) and interpolation (I)', () => {
  it('K marks and unmarks the selection as keyframes, clearing the attention mark', () => {
    const t = setup([testCuboid('a', { attributes: { needsAttention: true } }), testCuboid('b', { attributes: { keyframe: true } })]);
    t.store.getState().select(['b', 'a']);
    t.key('k');
    expect(t.doc().cuboids.map((c) => c.attributes.keyframe)).toEqual([true, true]);
    expect(t.message()?.text).toMatch(
      /^Keyframe: 2 boxes in frame \S+ are fixed \(Shift\+C never overwrites them; I interpolates between keyframes\)\. K again unmarks\.$/,
    );
    expect(t.doc().cuboids[0].attributes.needsAttention).toBe(false);
    t.key('k');
    expect(t.doc().cuboids.map((c) => c.attributes.keyframe)).toEqual([false, false]);
    expect(t.message()?.text).toBe('2 boxes are no longer a keyframe.');
    expect(t.undoSteps()).toBe(2);
    t.store.temporal.getState().undo();
    expect(t.doc().cuboids[1].attributes.keyframe).toBe(true);
  });

  it('I interpolates the selected track and puts the open frame’s box in place (one undo step)', async () => {
    const t = setup([testCuboid('a'), testCuboid('other')], { frame: '000002' });
    const between = { ...testCuboid('new', { center: [12, 1, -0.95] }), trackId: 't-a' };
    t.sequence.interpolation = { savedFrameIds: ['000001', '000003'], current: [between], segments: [['000000', '000004']] };
    t.store.getState().select(['a']);
    t.key('i');
    await t.settle();
    expect(t.sequence.interpolateCalls[0]).toMatchObject({ trackId: 't-a', size: 'lock' });
    expect(t.doc().cuboids[0]).toMatchObject({ id: 'a', center: [12, 1, -0.95] });
    expect(t.doc().cuboids).toHaveLength(2);
    expect(t.message()?.text).toBe('Interpolated 3 frames between keyframes 000000–000004.');
    expect(t.undoSteps()).toBe(1);
  });

  it('I asks for keyframes when there are none around, interpolates sizes when unlocked, needs a tracked selection', async () => {
    const t = setup([testCuboid('a'), testCuboid('loose', { trackId: null })]);
    t.store.getState().setLockSize(false);
    t.store.getState().select(['a']);
    t.key('i');
    await t.settle();
    expect(t.sequence.interpolateCalls[0].size).toBe('interpolate');
    expect(t.message()?.text).toMatch(/Mark keyframes \(K\)/);
    expect(t.undoSteps()).toBe(0);
    t.store.getState().select(['loose']);
    expect(t.key('i')).toBe(false);
    t.store.getState().clearSelection();
    expect(t.key('i')).toBe(false);
  });
});

describe('lock size across track (L)', () => {
  it('toggles the setting; turning it on gives the selected box’s track its size everywhere', async () => {
    const t = setup([testCuboid('a', { size: [4.5, 1.9, 1.6] }), testCuboid('b')]);
    expect(t.store.getState().sequence.lockSize).toBe(true);
    t.key('l');
    await t.settle();
    expect(t.store.getState().sequence.lockSize).toBe(false);
    expect(t.message()?.text).toBe('Lock size across track: off.');
    expect(t.sequence.lockCalls).toHaveLength(0);
    t.store.getState().select(['a']);
    t.key('l');
    await t.settle();
    expect(t.store.getState().sequence.lockSize).toBe(true);
    expect(t.sequence.lockCalls).toEqual([{ trackId: 't-a', size: [4.5, 1.9, 1.6] }]);
    expect(t.message()?.text).toBe('Lock size across track: on. Track resized to 4.50 × 1.90 × 1.60 m in 3 frames.');
  });
});
