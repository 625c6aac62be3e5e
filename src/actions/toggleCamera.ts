import type { Action } from './Action.ts';
import type { AppState } from '../state/AppState.ts';

/** True when the open frame has a camera image (image_2, or a nuScenes camera); otherwise says so (a key that does nothing is a puzzle). */
function hasImage(s: AppState): boolean {
  const frame = s.frames.find((f) => f.id === s.currentFrameId);
  if (frame?.hasImage) return true;
  s.showMessage(`Frame ${s.currentFrameId ?? ''} has no camera image (image_2), so there is nothing to project onto.`, 'info');
  return false;
}

/** P: show or hide the camera panel (the chosen camera's image with every box projected through the export's math). */
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

/** The camera `step` places after the shown one, in the frame's rig order (wrapping). */
function stepCamera(names: readonly string[], current: string | null, step: 1 | -1): string {
  const at = current === null ? 0 : names.indexOf(current);
  return names[((((at < 0 ? 0 : at) + step) % names.length) + names.length) % names.length];
}

function cycleCameraAction(id: string, label: string, keys: string[], step: 1 | -1): Action {
  return {
    id,
    label,
    keys,
    group: 'tools',
    predicate: (s) => s.currentFrameId !== null,
    perform: (ctx) => {
      const s = ctx.store.getState();
      if (!s.view.cameraPanel) {
        if (hasImage(s)) s.setCameraPanel(true);
        return;
      }
      const names = s.view.cameraNames;
      if (names.length < 2) {
        s.showMessage(
          `Frame ${s.currentFrameId ?? ''} has ${names.length === 1 ? `one camera (${names[0]})` : 'no camera image'}: nothing to switch to.`,
          'info',
        );
        return;
      }
      // From the shown camera: the chosen one when this frame has it, else the panel's default.
      const { camera, cameraShown } = s.view;
      s.setCamera(stepCamera(names, camera !== null && names.includes(camera) ? camera : cameraShown, step));
    },
  };
}

/** Y / Shift+Y: show the frame's next / previous camera in the panel (KITTI image_0–image_3, nuScenes CAM_*); the choice is kept across frames. */
export const cycleCameraActions: Action[] = [
  cycleCameraAction('nextCamera', 'Camera panel: next camera', ['y'], 1),
  cycleCameraAction('prevCamera', 'Camera panel: previous camera', ['shift+y'], -1),
];
