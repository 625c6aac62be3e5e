import { StateNode, type StateNodeClass } from '../StateNode.ts';
import { Idle } from './childStates/Idle.ts';
import { Pointing } from './childStates/Pointing.ts';

/**
 * One-click boxes: click on an object → the fit service fits a box to the cluster there (a
 * class-default box and a message when it finds nothing); shift-click places a class-default box
 * without fitting; clicking a box selects it. A drag is left to the camera.
 */
export class FitTool extends StateNode {
  static override id = 'fit';
  static override initial = 'idle';
  static override children = (): StateNodeClass[] => [Idle, Pointing];
}
