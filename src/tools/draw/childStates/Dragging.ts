import type { Cuboid } from '../../../domain/types.ts';
import { createCuboid, newCuboidId, newTrackId } from '../../../domain/document/cuboidOps.ts';
import { classDefaultSize } from '../../../domain/document/classDefaultSizes.ts';
import { StateNode } from '../../StateNode.ts';
import type { PointerEvent } from '../../ToolEvent.ts';
import { rectangleFootprint } from '../../dragGeometry.ts';
import { commitNewCuboid, eventPoint, groundZAt, isDrag } from '../../toolHelpers.ts';
import { fitAtPoint } from '../../fit/fitAtPoint.ts';

/**
 * Dragging out a rectangle. The draft keeps one id and track id for the whole drag, so the
 * renderer sees one box growing. Its bottom sits on the ground under the rectangle's centre (the
 * ground provider), else at the lower of the two drag points.
 */
export class Dragging extends StateNode {
  static override id = 'dragging';
  private down!: PointerEvent;
  private dragged = false;
  private draftId = '';
  private trackId = '';

  override onEnter(info: { down: PointerEvent }): void {
    this.down = info.down;
    this.dragged = false;
    this.draftId = newCuboidId();
    this.trackId = newTrackId();
  }

  private box(event: PointerEvent): Cuboid {
    const { classes } = this.store.getState();
    const rect = rectangleFootprint(this.down.point, event.point, event.viewYaw ?? this.down.viewYaw ?? 0);
    const height = classDefaultSize(classes.current, classes.sizes)[2];
    const bottom = groundZAt(this.ctx, rect.cx, rect.cy, Math.min(this.down.point[2], event.point[2]));
    return createCuboid({
      id: this.draftId,
      trackId: this.trackId,
      label: classes.current,
      center: [rect.cx, rect.cy, bottom + height / 2],
      size: [rect.length, rect.width, height],
      yaw: rect.yaw,
      source: 'manual',
    });
  }

  override onPointerMove(event: PointerEvent): void {
    if (event.view !== this.down.view) return;
    if (!this.dragged && !isDrag(this.down, event)) return;
    this.dragged = true;
    this.store.getState().setDrafts([this.box(event)]);
  }

  override onPointerUp(event: PointerEvent): void {
    if (this.dragged || isDrag(this.down, event)) {
      const box = this.box(event.view === this.down.view ? event : this.down);
      this.store.getState().clearDrafts();
      commitNewCuboid(this.ctx, box);
    } else {
      this.ctx.track(fitAtPoint(this.ctx, eventPoint(this.down), { withoutFit: this.down.shiftKey }));
    }
    this.parent!.transition('idle');
  }

  override onCancel(): void {
    this.parent!.transition('idle');
  }

  override onExit(): void {
    this.store.getState().clearDrafts();
  }
}
