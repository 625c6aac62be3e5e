import type { Action } from './Action.ts';

/** P: show or hide the camera panel (image 2 with every box projected through the export's math). */
export const toggleCamera: Action = {
  id: 'toggleCamera',
  label: 'Camera panel',
  keys: ['p'],
  group: 'tools',
  predicate: (s) => s.frames.find((f) => f.id === s.currentFrameId)?.hasImage ?? false,
  perform: (ctx) => {
    const s = ctx.store.getState();
    s.setCameraPanel(!s.view.cameraPanel);
  },
};

/** Shift+P: project the frame's points into the camera image too (to check the calibration by eye). */
export const toggleCameraPoints: Action = {
  id: 'toggleCameraPoints',
  label: 'Camera panel: projected points',
  keys: ['shift+p'],
  group: 'tools',
  predicate: (s) => s.frames.find((f) => f.id === s.currentFrameId)?.hasImage ?? false,
  perform: (ctx) => {
    const s = ctx.store.getState();
    s.setCameraPanel(true, !s.view.cameraPoints);
  },
};
