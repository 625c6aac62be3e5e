import { describe, expect, it } from 'vitest';
import { TestEditor } from '../../helpers/TestEditor.ts';

/** An editor on a frame with a camera image and the panel open (the panel reported these cameras). */
function withCameras(names: string[]): TestEditor {
  const ed = new TestEditor({ frames: ['000000'] });
  const s = ed.store.getState();
  s.setFrames(s.frames.map((f) => ({ ...f, hasImage: true })));
  s.setCameraPanel(true);
  s.setCameraNames(names);
  return ed;
}

describe('Y / Shift+Y: the camera panel steps through the frame’s cameras', () => {
  it('Y shows the next camera and wraps; Shift+Y goes back; the choice stays in the view state', () => {
    const ed = withCameras(['image_0', 'image_2', 'image_3']);
    ed.keyDown('y');
    // Nothing chosen yet means the first (image_0) is shown: Y goes to image_2.
    expect(ed.store.getState().view.camera).toBe('image_2');
    ed.keyDown('y');
    expect(ed.store.getState().view.camera).toBe('image_3');
    ed.keyDown('y');
    expect(ed.store.getState().view.camera).toBe('image_0');
    ed.keyDown('Y', { shiftKey: true });
    expect(ed.store.getState().view.camera).toBe('image_3');
  });

  it('a frame without the chosen camera leaves the choice for the frames that have it', () => {
    const ed = withCameras(['image_2', 'image_3']);
    ed.store.getState().setCamera('image_3');
    ed.store.getState().setCameraNames(['image_2']);
    expect(ed.store.getState().view.camera).toBe('image_3');
    ed.keyDown('y');
    expect(ed.store.getState().view.camera).toBe('image_3');
    expect(ed.store.getState().ui.message?.text).toBe('Frame 000000 has one camera (image_2): nothing to switch to.');
  });

  it('Y with the panel closed opens it (or says the frame has no camera image)', () => {
    const none = new TestEditor({ frames: ['000000'] });
    none.keyDown('y');
    expect(none.store.getState().view.cameraPanel).toBe(false);
    expect(none.store.getState().ui.message?.text).toMatch(/has no camera image/);
    const ed = withCameras(['image_2', 'image_3']);
    ed.store.getState().setCameraPanel(false);
    ed.keyDown('y');
    expect(ed.store.getState().view.cameraPanel).toBe(true);
    expect(ed.store.getState().view.camera).toBeNull();
  });
});
