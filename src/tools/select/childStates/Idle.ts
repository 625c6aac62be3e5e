import { StateNode } from '../../StateNode.ts';
import type { PointerEvent } from '../../ToolEvent.ts';

export class Idle extends StateNode {
  static override id = 'idle';

  override onPointerDown(event: PointerEvent): void {
    const { hit } = event;
    if (hit.kind !== 'cuboid') {
      this.parent!.transition('pointing_canvas', { down: event });
      return;
    }
    const state = this.store.getState();
    if (hit.handle === 'rotate' || (hit.handle && hit.handle !== 'move')) {
      if (!state.selectedIds.includes(hit.id)) state.select([hit.id]);
      this.parent!.transition(hit.handle === 'rotate' ? 'rotating' : 'resizing', { down: event, id: hit.id, handle: hit.handle });
      return;
    }
    this.parent!.transition('pointing_cuboid', { down: event, id: hit.id });
  }

  /** Escape with nothing in progress clears the selection. */
  override onCancel(): void {
    this.store.getState().clearSelection();
  }
}
