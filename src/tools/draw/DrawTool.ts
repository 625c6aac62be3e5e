import { StateNode, type StateNodeClass } from '../StateNode.ts';
import { Idle } from './childStates/Idle.ts';
import { Dragging } from './childStates/Dragging.ts';

/**
 * Create boxes in the top (or main) view: drag a rectangle → a box aligned with it, class-default
 * height, bottom on the ground. A click without dragging fits a box at the point (like the fit
 * tool); shift-click places a class-default box without fitting. The tool stays active.
 */
export class DrawTool extends StateNode {
  static override id = 'draw';
  static override initial = 'idle';
  static override children = (): StateNodeClass[] => [Idle, Dragging];
}
