import type { Action } from './Action.ts';
import { undo } from './undo.ts';
import { redo } from './redo.ts';
import { deleteSelection } from './deleteSelection.ts';
import { duplicateSelection } from './duplicateSelection.ts';
import { setClassActions, setClassByName } from './setClass.ts';
import { nudgeActions } from './nudge.ts';
import { rotateYawActions } from './rotateYaw.ts';
import { resizeActions } from './resizeSelection.ts';
import { snapToGround } from './snapToGround.ts';
import { refit } from './refit.ts';
import { cycleHeading } from './cycleHeading.ts';
import { fitAtCursor } from './fitAtCursor.ts';
import { flagAtCursor } from './flagAtCursor.ts';
import { selectAll, selectNext, selectPrev } from './selectCycle.ts';
import { nextFrame, prevFrame } from './navigateFrames.ts';
import { toolActions } from './toolActions.ts';
import { toggleHelp } from './toggleHelp.ts';
import { toggleMainView } from './toggleMainView.ts';
import { frameView } from './frameView.ts';
import { fitAtLocation } from './fitAtLocation.ts';
import { boxNextMissed } from './boxNextMissed.ts';
import { dismissFinding } from './dismissFinding.ts';
import { removeDismissal } from './removeDismissal.ts';
import { cycleCameraActions, toggleCamera, toggleCameraPoints } from './toggleCamera.ts';
import { save } from './save.ts';
import { cycleAttributeActions } from './cycleAttributes.ts';
import { updateCuboid } from './updateCuboid.ts';
import { copyToNextFrame, propagateForward } from './propagateForward.ts';
import { interpolateTrack } from './interpolateTrack.ts';
import { toggleKeyframe } from './toggleKeyframe.ts';
import { openBatchView } from './openBatchView.ts';
import { toggleLockSize } from './toggleLockSize.ts';
import { reviewActions } from './reviewActions.ts';
import { sessionActions } from './sessionActions.ts';
import { frameListActions } from './frameListActions.ts';
import { conflictActions } from './conflictActions.ts';
import { saveEdgeCase } from './sopActions.ts';
import { toggleHideGround } from './toggleHideGround.ts';
import { findObject, toggleBoxLabels } from './visibilityActions.ts';

/** Every built-in action, in the order the `?` overlay lists them. */
export const DEFAULT_ACTIONS: readonly Action[] = [
  ...toolActions,
  toggleMainView,
  frameView,
  toggleBoxLabels,
  toggleHideGround,
  toggleCamera,
  toggleCameraPoints,
  ...cycleCameraActions,
  fitAtCursor,
  flagAtCursor,
  fitAtLocation,
  boxNextMissed,
  dismissFinding,
  removeDismissal,
  ...setClassActions,
  setClassByName,
  ...cycleAttributeActions,
  nextFrame,
  prevFrame,
  copyToNextFrame,
  propagateForward,
  interpolateTrack,
  toggleKeyframe,
  openBatchView,
  toggleLockSize,
  selectNext,
  selectPrev,
  selectAll,
  findObject,
  deleteSelection,
  duplicateSelection,
  ...nudgeActions,
  ...rotateYawActions,
  ...resizeActions,
  snapToGround,
  refit,
  cycleHeading,
  undo,
  redo,
  save,
  toggleHelp,
  updateCuboid,
  ...frameListActions,
  ...reviewActions,
  ...sessionActions,
  ...conflictActions,
  saveEdgeCase,
];
