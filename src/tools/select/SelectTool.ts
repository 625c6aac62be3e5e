import { StateNode, type StateNodeClass } from '../StateNode.ts';
import { Idle } from './childStates/Idle.ts';
import { PointingCuboid } from './childStates/PointingCuboid.ts';
import { PointingCanvas } from './childStates/PointingCanvas.ts';
import { Translating } from './childStates/Translating.ts';
import { Rotating } from './childStates/Rotating.ts';
import { Resizing } from './childStates/Resizing.ts';

/**
 * Select and edit boxes: click to select (shift toggles), drag a box to move it in the view's
 * plane, drag a face handle to resize, drag the rotate handle to turn it; click empty space to
 * deselect. A drag shows drafts and commits once on pointer up; Escape cancels it.
 */
export class SelectTool extends StateNode {
  static override id = 'select';
  static override initial = 'idle';
  static override children = (): StateNodeClass[] => [Idle, PointingCuboid, PointingCanvas, Translating, Rotating, Resizing];
}
