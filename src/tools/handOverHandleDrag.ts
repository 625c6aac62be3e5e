import type { StateNode } from './StateNode.ts';
import type { PointerEvent } from './ToolEvent.ts';

/**
 * A press on a box's resize or rotate handle in a tool that does not drag handles (fit, draw): the
 * select tool takes over the drag, and stays active after it (as after `V`). The close-ups draw
 * the handles in every tool; in fit they did nothing, so fit-then-adjust failed silently. Returns
 * whether it took the press.
 */
export function handOverHandleDrag(node: StateNode, event: PointerEvent): boolean {
  const { hit } = event;
  if (hit.kind !== 'cuboid' || hit.handle === undefined || hit.handle === 'move') return false;
  let root: StateNode = node;
  while (root.parent !== null) root = root.parent;
  if (!root.children.has('select')) return false;
  const state = node.store.getState();
  if (!state.selectedIds.includes(hit.id)) state.select([hit.id]);
  root.transition('select');
  root.current!.transition(hit.handle === 'rotate' ? 'rotating' : 'resizing', { down: event, id: hit.id, handle: hit.handle });
  return true;
}
