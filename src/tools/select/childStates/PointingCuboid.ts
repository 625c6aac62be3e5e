import { StateNode } from '../../StateNode.ts';
import type { PointerEvent } from '../../ToolEvent.ts';
import { isDrag } from '../../toolHelpers.ts';

interface PointingCuboidInfo {
  down: PointerEvent;
  id: string;
}

/** Pressed on a box: selects it; becomes a translation once the pointer moves far enough. */
export class PointingCuboid extends StateNode {
  static override id = 'pointing_cuboid';
  private info!: PointingCuboidInfo;
  private wasSelected = false;

  override onEnter(info: PointingCuboidInfo): void {
    this.info = info;
    const state = this.store.getState();
    this.wasSelected = state.selectedIds.includes(info.id);
    if (info.down.shiftKey) {
      if (!this.wasSelected) state.select([...state.selectedIds, info.id]);
    } else if (!this.wasSelected) {
      state.select([info.id]);
    }
  }

  override onPointerMove(event: PointerEvent): void {
    if (!isDrag(this.info.down, event)) return;
    if (!this.store.getState().selectedIds.includes(this.info.id)) return;
    this.parent!.transition('translating', this.info);
    this.parent!.current!.handleEvent(event);
  }

  override onPointerUp(): void {
    const state = this.store.getState();
    if (this.info.down.shiftKey) {
      // Shift-click on an already selected box removes it from the selection.
      if (this.wasSelected) state.toggleSelected(this.info.id);
    } else if (this.wasSelected) {
      // A plain click on a member of a multi-selection keeps just that box, and makes it primary.
      state.select([this.info.id]);
    }
    this.parent!.transition('idle');
  }

  override onCancel(): void {
    this.parent!.transition('idle');
  }
}
