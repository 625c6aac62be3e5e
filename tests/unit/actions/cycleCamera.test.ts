import { describe, expect, it } from 'vitest';
import { TestEditor } from '../../helpers/TestEditor.ts';

/** An editor on a frame with a camera image and the panel open (the panel reported these cameras). */
function withCameras(names: string[], shown: string): TestEditor {
  const ed = new TestEditor({ frames: ['000000'] });
  const s = ed.store.getState();
  s.setFrames(s.frames.map((f) => ({ ...f, hasImage: true })));
  s.setCameraPanel(true);
  s.setCameraNames(names, shown);
  return ed;
}

describe('Y / Shift+Y: the camera panel steps through the frame’s cameras', () => {
  it('Y shows the next camera and wraps; Shift+Y goes back; the choice stays in the view state', () => {
    // Nothing chosen yet: the panel shows its default, image 2 (the labels' camera); Y goes on from there.
    const ed = withCameras(['image_0', 'image_2', 'image_3'], 'image_2');
    ed.keyDown('y');
    expect(ed.store.getState().view.camera).toBe('image_3');
    ed.keyDown('y');
    expect(ed.store.getState().view.camera).toBe('image_0');
    ed.keyDown('y');
    expect(ed.store.getState().view.camera).toBe('image_2');
    ed.keyDown('Y', { shiftKey: true });
    expect(ed.store.getState().view.camera).toBe('image_0');
  });

  it('a frame without the chosen camera leaves the choice for the frames that have it', () => {
    const ed = withCameras(['image_2', 'image_3'], 'image_2');
    ed.store.getState().setCamera('image_3');
    ed.store.getState().setCameraNames(['image_2'], 'image_2');
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
    const ed = withCameras(['image_2', 'image_3'], 'image_2');
    ed.store.getState().setCameraPanel(false);
    ed.keyDown('y');
    expect(ed.store.getState().view.cameraPanel).toBe(true);
    expect(ed.store.getState().view.camera).toBeNull();
  });

  it('on a nuScenes frame without the chosen KITTI camera, Y steps from the default (CAM_FRONT) clockwise', () => {
    const ed = withCameras(['CAM_FRONT', 'CAM_FRONT_RIGHT', 'CAM_BACK_RIGHT', 'CAM_BACK', 'CAM_BACK_LEFT', 'CAM_FRONT_LEFT'], 'CAM_FRONT');
    ed.store.getState().setCamera('image_3');
    ed.keyDown('y');
    expect(ed.store.getState().view.camera).toBe('CAM_FRONT_RIGHT');
    ed.keyDown('Y', { shiftKey: true });
    ed.keyDown('Y', { shiftKey: true });
    expect(ed.store.getState().view.camera).toBe('CAM_FRONT_LEFT');
  });
});
