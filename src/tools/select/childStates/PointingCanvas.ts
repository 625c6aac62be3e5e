import { StateNode } from '../../StateNode.ts';
import type { PointerEvent } from '../../ToolEvent.ts';
import { isDrag } from '../../toolHelpers.ts';

/**
 * Pressed on empty space: a click deselects (unless shift is held); a drag is the camera's
 * business (the renderer orbits), so it goes back to idle and leaves the selection alone.
 */
export class PointingCanvas extends StateNode {
  static override id = 'pointing_canvas';
  private down!: PointerEvent;

  override onEnter(info: { down: PointerEvent }): void {
    this.down = info.down;
  }

  override onPointerMove(event: PointerEvent): void {
    if (isDrag(this.down, event)) this.parent!.transition('idle');
  }

  override onPointerUp(): void {
    if (!this.down.shiftKey) this.store.getState().clearSelection();
    this.parent!.transition('idle');
  }

  override onCancel(): void {
    this.parent!.transition('idle');
  }
}
