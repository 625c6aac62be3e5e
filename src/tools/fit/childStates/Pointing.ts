import { StateNode } from '../../StateNode.ts';
import type { PointerEvent } from '../../ToolEvent.ts';
import { eventPoint, isDrag } from '../../toolHelpers.ts';
import { fitAtPoint } from '../fitAtPoint.ts';

/** Pressed on the cloud or the ground: a release without dragging fits there. */
export class Pointing extends StateNode {
  static override id = 'pointing';
  private down!: PointerEvent;

  override onEnter(info: { down: PointerEvent }): void {
    this.down = info.down;
  }

  override onPointerMove(event: PointerEvent): void {
    if (isDrag(this.down, event)) this.parent!.transition('idle');
  }

  override onPointerUp(): void {
    this.ctx.track(fitAtPoint(this.ctx, eventPoint(this.down), { withoutFit: this.down.shiftKey }));
    this.parent!.transition('idle');
  }

  override onCancel(): void {
    this.parent!.transition('idle');
  }
}
