import { StateNode } from '../../StateNode.ts';
import type { PointerEvent } from '../../ToolEvent.ts';
import { handOverHandleDrag } from '../../handOverHandleDrag.ts';

export class Idle extends StateNode {
  static override id = 'idle';

  override onPointerDown(event: PointerEvent): void {
    const { hit } = event;
    if (handOverHandleDrag(this, event)) return;
    if (hit.kind === 'cuboid') {
      const state = this.store.getState();
      if (event.shiftKey) state.toggleSelected(hit.id);
      else state.select([hit.id]);
      return;
    }
    this.parent!.transition('pointing', { down: event });
  }

  override onCancel(): void {
    this.store.getState().clearSelection();
  }
}
