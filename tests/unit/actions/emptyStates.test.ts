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
