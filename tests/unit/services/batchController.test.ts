import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/createAppStore.ts';
import { createEditor } from '../../../src/actions/createEditor.ts';
import { createBatchController } from '../../../src/services/batchController.ts';
import type { BatchIo } from '../../../src/services/batchController.ts';
import { emptyAnnotation, type FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import type { EditorServices } from '../../../src/tools/EditorServices.ts';
import { KEYFRAME_ATTRIBUTE, isKeyframe } from '../../../src/domain/sequence/trackAttributes.ts';
import { FakeFitService, FakeGround, FakeNavigation, FakeSave, frameItem, testCuboid } from '../../helpers/TestEditor.ts';
import { FakeServer } from '../io/autosaveFakes.ts';

const IDS = ['f0', 'f1', 'f2', 'f3', 'f4', 'f5'];
const key = (k: string, mods: { shiftKey?: boolean; ctrlKey?: boolean; altKey?: boolean } = {}) => ({
  key: k,
  shiftKey: mods.shiftKey ?? false,
  ctrlKey: mods.ctrlKey ?? false,
  altKey: mods.altKey ?? false,
});

async function settle(): Promise<void> {
  for (let i = 0; i < 30; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
  for (let i = 0; i < 30; i++) await Promise.resolve();
}

/**
 * Six frames on a fake server, each with the track's box (t-a) at x = 10 + frame, a keyframe in
 * f0 and f5; the open frame is f2 (its document in the store). The batch view shows 4 frames.
 */
function setup() {
  const server = new FakeServer();
  IDS.forEach((id, i) => {
    const box = testCuboid(`a${i}`, { trackId: 't-a', center: [10 + i, 0, -0.95] });
    const keyed = i === 0 || i === 5 ? { ...box, attributes: { ...box.attributes, [KEYFRAME_ATTRIBUTE]: true } } : box;
    server.saveAsOther({ ...emptyAnnotation(id), cuboids: [keyed, testCuboid(`other${i}`, { trackId: 't-b', center: [-5, 3, -0.95] })] });
  });
  const store = createAppStore();
  const fit = new FakeFitService();
  const services: EditorServices = { fit, ground: new FakeGround(), navigation: new FakeNavigation(store), save: new FakeSave() };
  const editor = createEditor(store, services);
  store.getState().setFrames(IDS.map(frameItem));
  store.getState().setCurrentFrame('f2');
  store.getState().loadDoc(server.current('f2'));
  store.getState().select(['a2']);
  const workerCalls: string[] = [];
  const io: BatchIo = {
    api: {
      getAnnotation: async (id: string) => server.current(id),
      saveAnnotation: (...a: Parameters<FakeServer['saveAnnotation']>) => server.saveAnnotation(...a),
      getPoses: async () => ({ frames: {} }),
      getDataset: async () => {
        throw new Error('offline');
      },
      pointsUrl: (id: string) => `/points/${id}`,
    } as unknown as BatchIo['api'],
    worker: () =>
      ({
        ensureFrame: async (id: string) => {
          workerCalls.push(`ensure ${id}`);
          return { count: 10, cached: false };
        },
        pointsNearBox: async (id: string) => {
          workerCalls.push(`crop ${id}`);
          return { positions: new Float32Array([1, 2, 3]), values: null, colors: null };
        },
        fit: async (id: string, point: [number, number, number]) => {
          workerCalls.push(`fit ${id}`);
          return {
            center: [point[0] + 0.5, point[1], -0.9],
            size: [4.2, 1.8, 1.5],
            yaw: 0.1,
            pointCount: 80,
            headingCandidates: [0.1],
            headingSource: 'lshape',
            confidence: 'high',
            topSeen: true,
          };
        },
      }) as unknown as ReturnType<BatchIo['worker']>,
  };
  const ctl = createBatchController({ store, io, editor, services, debounceMs: 0 });
  return { server, store, editor, ctl, workerCalls, doc: () => store.getState().doc as FrameAnnotation };
}

describe('batch controller', () => {
  it('opens on the selected track around the open frame (Shift+B) and loads the other frames of the window', async () => {
    const { store, editor, ctl } = setup();
    store.getState().setBatchSize(4);
    expect(editor.actions.handleKeyDown(key('B', { shiftKey: true }))).toBe(true);
    expect(store.getState().batch).toMatchObject({ open: true, trackId: 't-a', start: 1, focus: 1 });
    await ctl.syncWindow();
    expect(ctl.windowFrames().map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(Object.keys(store.getState().batch.tiles).sort()).toEqual(['f1', 'f3', 'f4']);
    expect(ctl.trackBox('f3')?.id).toBe('a3');
    expect(ctl.trackBox('f2')?.id).toBe('a2');
  });

  it('says why Shift+B does nothing when no box with a track is selected', () => {
    const { store, editor } = setup();
    store.getState().clearSelection();
    store.getState().setTracks({ selectedTrackId: null });
    expect(editor.actions.handleKeyDown(key('B', { shiftKey: true }))).toBe(true);
    expect(store.getState().batch.open).toBe(false);
    expect(store.getState().ui.message?.text).toMatch(/Select a box with a track/);
  });

  it("with an untracked box selected, Shift+B says so rather than open the tracks panel's track (another object's)", () => {
    const { store, editor } = setup();
    store.getState().applyDocChange((doc) => ({ ...doc, cuboids: doc.cuboids.map((c) => (c.id === 'other2' ? { ...c, trackId: null } : c)) }));
    store.getState().select(['other2']);
    store.getState().setTracks({ selectedTrackId: 't-a' });
    expect(editor.actions.handleKeyDown(key('B', { shiftKey: true }))).toBe(true);
    expect(store.getState().batch.open).toBe(false);
    expect(store.getState().ui.message?.text).toMatch(/The selected box has no track/);
    // Nothing selected: the panel's pick.
    store.getState().clearSelection();
    editor.actions.executeAction('openBatchView');
    expect(store.getState().batch).toMatchObject({ open: true, trackId: 't-a' });
  });

  it("applies a keyboard edit to the focused tile's frame only: the open frame through the store, others saved", async () => {
    const { server, store, editor, ctl, doc } = setup();
    store.getState().setBatchSize(4);
    editor.actions.executeAction('openBatchView');
    await ctl.syncWindow();
    // Focus f2 (the open frame): Q turns its box in the store, one undo step, nothing else saved.
    expect(ctl.handleKey(key('q'), 4)).toBe(true);
    await settle();
    expect(doc().cuboids[0].yaw).toBeCloseTo(Math.PI / 180, 9);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    expect(server.calls).toHaveLength(0);
    // → focuses f3; Ctrl+↑ moves its box 0.1 m along its heading; Shift+] lengthens it by 0.5 m.
    ctl.handleKey(key('ArrowRight'), 4);
    expect(store.getState().batch.focus).toBe(2);
    ctl.handleKey(key('ArrowUp', { ctrlKey: true }), 4);
    ctl.handleKey(key(']', { shiftKey: true }), 4);
    await settle();
    await ctl.close();
    const f3 = server.current('f3');
    expect(f3.cuboids[0].center[0]).toBeCloseTo(13.1, 9);
    expect(f3.cuboids[0].size[0]).toBeCloseTo(4.5, 9);
    expect(f3.cuboids[1]).toMatchObject({ id: 'other3', center: [-5, 3, -0.95] });
    expect(server.current('f1').revision).toBe(1);
    expect(server.current('f4').revision).toBe(1);
    // The open frame's document is never saved by the batch view (its autosave owns it).
    expect(server.calls.map((c) => c.frameId)).not.toContain('f2');
    expect(doc().cuboids[0].center[0]).toBe(12);
    expect(store.getState().batch.open).toBe(false);
  });

  it('a key held down on a tile is one undo step there, as in the main view (the open frame and another)', async () => {
    const { store, editor, ctl, doc } = setup();
    store.getState().setBatchSize(4);
    editor.actions.executeAction('openBatchView');
    await ctl.syncWindow();
    // f3 (held by the batch view): five Ctrl+↑ move its box 0.5 m; one Ctrl+Z takes all five back.
    store.getState().setBatchFocus(2);
    for (let i = 0; i < 5; i++) ctl.handleKey(key('ArrowUp', { ctrlKey: true }), 4);
    await settle();
    expect(ctl.trackBox('f3')!.center[0]).toBeCloseTo(13.5, 9);
    // Another key (] lengthens the box) is a step of its own.
    ctl.handleKey(key(']'), 4);
    await settle();
    expect(ctl.trackBox('f3')!.size[0]).toBeGreaterThan(4);
    ctl.handleKey(key('z', { ctrlKey: true }), 4);
    expect(ctl.trackBox('f3')!.size[0]).toBe(4);
    expect(ctl.trackBox('f3')!.center[0]).toBeCloseTo(13.5, 9);
    ctl.handleKey(key('z', { ctrlKey: true }), 4);
    expect(ctl.trackBox('f3')!.center[0]).toBeCloseTo(13, 9);
    // f2 (the open frame, in the store): three Q presses are one step in its history.
    store.getState().setBatchFocus(1);
    for (let i = 0; i < 3; i++) ctl.handleKey(key('q'), 4);
    await settle();
    expect(doc().cuboids[0].yaw).toBeCloseTo((3 * Math.PI) / 180, 9);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    ctl.handleKey(key('z', { ctrlKey: true }), 4);
    expect(doc().cuboids[0].yaw).toBe(0);
  });

  it('marks a keyframe, deletes and undoes in the focused frame; a drag places the box there', async () => {
    const { server, store, editor, ctl } = setup();
    store.getState().setBatchSize(4);
    editor.actions.executeAction('openBatchView');
    await ctl.syncWindow();
    store.getState().setBatchFocus(0); // f1
    ctl.handleKey(key('k'), 4);
    await settle();
    expect(isKeyframe(ctl.trackBox('f1')!)).toBe(true);
    ctl.handleKey(key('Delete'), 4);
    await settle();
    expect(ctl.trackBox('f1')).toBeNull();
    ctl.handleKey(key('z', { ctrlKey: true }), 4);
    expect(ctl.trackBox('f1')?.id).toBe('a1');
    // Redo (Ctrl+Shift+Z, Ctrl+Y) makes the delete again; undo takes it back once more.
    ctl.handleKey(key('z', { ctrlKey: true, shiftKey: true }), 4);
    expect(ctl.trackBox('f1')).toBeNull();
    ctl.handleKey(key('z', { ctrlKey: true }), 4);
    expect(ctl.trackBox('f1')?.id).toBe('a1');
    ctl.handleKey(key('y', { ctrlKey: true }), 4);
    expect(ctl.trackBox('f1')).toBeNull();
    ctl.handleKey(key('z', { ctrlKey: true }), 4);
    expect(ctl.trackBox('f1')?.id).toBe('a1');
    expect(ctl.placeBox('f4', { center: [20, 1, -0.95], yaw: 0.5 })).toBe(true);
    await ctl.close();
    expect(server.current('f1').cuboids.find((c) => c.id === 'a1')?.attributes[KEYFRAME_ATTRIBUTE]).toBe(true);
    expect(server.current('f4').cuboids[0]).toMatchObject({ center: [20, 1, -0.95], yaw: 0.5 });
  });

  it("refits in the tile's own frame, loading that frame's points in the worker first", async () => {
    const { server, store, editor, ctl, workerCalls } = setup();
    store.getState().setBatchSize(4);
    editor.actions.executeAction('openBatchView');
    await ctl.syncWindow();
    store.getState().setBatchFocus(3); // f4
    ctl.handleKey(key('r'), 4);
    await settle();
    expect(workerCalls).toEqual(['ensure f4', 'fit f4']);
    await ctl.close();
    expect(server.current('f4').cuboids[0]).toMatchObject({ center: [14.5, 0, -0.9], size: [4.2, 1.8, 1.5], source: 'fit' });
  });

  it('interpolates between the keyframes around the focused frame, through every frame between', async () => {
    const { server, store, editor, ctl, doc } = setup();
    store.getState().setBatchSize(4);
    editor.actions.executeAction('openBatchView');
    await ctl.syncWindow();
    // Bend the track in f3 first, then interpolate from f3: f1–f4 get the straight line 10 → 15 again.
    store.getState().setBatchFocus(2);
    ctl.placeBox('f3', { center: [13, 4, -0.95] });
    ctl.handleKey(key('i'), 4);
    await settle();
    await ctl.close();
    for (const i of [1, 3, 4]) expect(server.current(`f${i}`).cuboids.find((c) => c.trackId === 't-a')?.center[1]).toBeCloseTo(0, 6);
    expect(server.current('f3').cuboids[0].center[0]).toBeCloseTo(13, 6);
    // The open frame's box changes in the store (undoable), not through a save.
    expect(doc().cuboids[0].center).toEqual([12, 0, -0.95]);
    expect(server.calls.map((c) => c.frameId)).not.toContain('f2');
  });

  it('undoes one interpolation in every frame it wrote with one Ctrl+Z, and redoes it so', async () => {
    const { store, editor, ctl } = setup();
    store.getState().setBatchSize(4);
    editor.actions.executeAction('openBatchView');
    await ctl.syncWindow();
    // Bend the track in f1, f3 and f4; I from f3 straightens all three.
    for (const f of ['f1', 'f3', 'f4']) ctl.placeBox(f, { center: [10 + Number(f[1]), 4, -0.95] });
    await settle();
    store.getState().setBatchFocus(2);
    ctl.handleKey(key('i'), 4);
    await settle();
    const y = (f: string) => ctl.trackBox(f)?.center[1];
    expect(['f1', 'f3', 'f4'].map(y)).toEqual([0, 0, 0].map((v) => expect.closeTo(v, 6)));
    expect(store.getState().ui.message?.text).toMatch(/Ctrl\+Z undoes it in all of them/);
    // Ctrl+Z on the tile of f4: all three are bent again.
    store.getState().setBatchFocus(3);
    ctl.handleKey(key('z', { ctrlKey: true }), 4);
    await settle();
    expect(['f1', 'f3', 'f4'].map(y)).toEqual([4, 4, 4].map((v) => expect.closeTo(v, 6)));
    expect(store.getState().ui.message?.text).toMatch(/Undid the interpolation in \d+ frames \(f1, .*f4\)/);
    ctl.handleKey(key('z', { ctrlKey: true, shiftKey: true }), 4);
    await settle();
    expect(['f1', 'f3', 'f4'].map(y)).toEqual([0, 0, 0].map((v) => expect.closeTo(v, 6)));
    await ctl.close();
  });

  it('pages the window and moves focus with the arrows and Tab', async () => {
    const { store, editor, ctl } = setup();
    store.getState().setBatchSize(4);
    editor.actions.executeAction('openBatchView');
    ctl.handleKey(key('PageDown'), 2);
    expect(store.getState().batch.start).toBe(2);
    ctl.handleKey(key('PageUp'), 2);
    expect(store.getState().batch.start).toBe(0);
    store.getState().setBatchFocus(0);
    ctl.handleKey(key('ArrowDown'), 2);
    expect(store.getState().batch.focus).toBe(2);
    ctl.handleKey(key('Tab', { shiftKey: true }), 2);
    expect(store.getState().batch.focus).toBe(1);
    expect(ctl.handleKey(key('x'), 2)).toBe(false);
  });

  it('stays open when a frame could not be saved (conflict), and closes on a second Esc', async () => {
    const { server, store, editor, ctl } = setup();
    store.getState().setBatchSize(4);
    editor.actions.executeAction('openBatchView');
    await ctl.syncWindow();
    server.saveAsOther({ ...server.current('f3'), cuboids: server.current('f3').cuboids.map((c) => (c.id === 'a3' ? { ...c, yaw: 1 } : c)) });
    ctl.placeBox('f3', { center: [0, 0, 0] });
    expect(await ctl.close()).toBe(false);
    expect(store.getState().batch.tiles.f3).toMatchObject({ status: 'conflict', conflictBoxes: ['a3'] });
    expect(store.getState().batch.open).toBe(true);
    expect(store.getState().ui.message?.text).toContain('f3');
    ctl.handleKey(key('Escape'), 4);
    await settle();
    expect(store.getState().batch.open).toBe(false);
    expect(server.current('f3').cuboids[0].yaw).toBe(1);
  });
});
