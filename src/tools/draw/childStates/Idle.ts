import { StateNode } from '../../StateNode.ts';
import type { PointerEvent } from '../../ToolEvent.ts';
import { handOverHandleDrag } from '../../handOverHandleDrag.ts';

export class Idle extends StateNode {
  static override id = 'idle';

  override onPointerDown(event: PointerEvent): void {
    if (handOverHandleDrag(this, event)) return;
    // Rectangles are drawn on the ground: only views that look down at it.
    if (event.view !== 'top' && event.view !== 'main') return;
    this.parent!.transition('dragging', { down: event });
  }

  override onCancel(): void {
    this.store.getState().clearSelection();
  }
}
