import type { Action } from './Action.ts';
import type { AppState } from '../state/AppState.ts';

/** True when the open frame has a camera image; otherwise says so (a key that does nothing is a puzzle). */
function hasImage(s: AppState): boolean {
  const frame = s.frames.find((f) => f.id === s.currentFrameId);
  if (frame?.hasImage) return true;
  s.showMessage(`Frame ${s.currentFrameId ?? ''} has no camera image (image_2), so there is nothing to project onto.`, 'info');
  return false;
}

/** P: show or hide the camera panel (image 2 with every box projected through the export's math). */
export const toggleCamera: Action = {
  id: 'toggleCamera',
  label: 'Camera panel',
  keys: ['p'],
  group: 'tools',
  predicate: (s) => s.currentFrameId !== null,
  perform: (ctx) => {
    const s = ctx.store.getState();
    if (!s.view.cameraPanel && !hasImage(s)) return;
    s.setCameraPanel(!s.view.cameraPanel);
  },
};

/** Shift+P: project the frame's points into the camera image too (to check the calibration by eye). */
export const toggleCameraPoints: Action = {
  id: 'toggleCameraPoints',
  label: 'Camera panel: projected points',
  keys: ['shift+p'],
  group: 'tools',
  predicate: (s) => s.currentFrameId !== null,
  perform: (ctx) => {
    const s = ctx.store.getState();
    if (!hasImage(s)) return;
    s.setCameraPanel(true, !s.view.cameraPoints);
  },
};
