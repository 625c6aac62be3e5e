import { describe, expect, it } from 'vitest';
import { TestEditor } from '../../helpers/TestEditor.ts';

describe('keys that have nothing to do say so', () => {
  it('Ctrl+Z with no history since the frame opened', () => {
    const ed = new TestEditor({ frames: ['000000'] });
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.store.getState().ui.message?.text).toMatch(/^Nothing to undo since this frame was opened/);
  });

  it('P on a frame without a camera image', () => {
    const ed = new TestEditor({ frames: ['000000'] });
    ed.keyDown('p');
    expect(ed.store.getState().view.cameraPanel).toBe(false);
    expect(ed.store.getState().ui.message?.text).toMatch(/has no camera image/);
  });

  it('F on a locked frame gives the lock’s reason, not "open a frame"', () => {
    const ed = new TestEditor({ frames: ['000000'] });
    ed.store.getState().setEditLock('Frame 000000 is accepted: its boxes are locked.');
    ed.pointerMove([8, -3, -1.7], { kind: 'points', point: [8, -3, -1.1] }, 'main');
    ed.keyDown(' ');
    expect(ed.store.getState().ui.message?.text).toBe('Frame 000000 is accepted: its boxes are locked.');
    expect(ed.cuboids()).toHaveLength(0);
  });
});

describe('deleting a flagged box', () => {
  it('warns that the flag stays open on a deleted box, and undo brings the box back', () => {
    const ed = new TestEditor({ frames: ['000000'] });
    const id = 'flagged';
    const car = {
      id,
      trackId: null,
      label: 'Car',
      center: [10, 0, -1] as [number, number, number],
      size: [4, 1.8, 1.5] as [number, number, number],
      yaw: 0,
      attributes: { truncated: 0, occluded: 0 },
      source: 'manual' as const,
    };
    // A reviewer's open flag on it (flags arrive with the server's document; set it as a load would).
    const doc = ed.doc();
    ed.store.getState().loadDoc({
      ...doc,
      cuboids: [car],
      flags: [
        { id: 'f1', cuboidId: id, location: null, reason: 'box-fits-object', comment: '', author: 'rev', state: 'open', createdAt: '2026-11-26T00:00:00Z' },
      ],
    });
    ed.store.getState().select([id]);
    ed.keyDown('Delete');
    expect(ed.cuboids()).toHaveLength(0);
    expect(ed.store.getState().ui.message?.text).toMatch(/^The deleted box had an open review flag/);
    ed.keyDown('z', { ctrlKey: true });
    expect(ed.cuboids().map((c) => c.id)).toEqual([id]);
  });
});
