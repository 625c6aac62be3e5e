import type { Cuboid } from '../../../domain/types.ts';
import { findCuboid } from '../../../domain/document/cuboidOps.ts';
import { StateNode } from '../../StateNode.ts';
import type { FaceHandle, PointerEvent } from '../../ToolEvent.ts';
import { commitDrafts } from '../../toolHelpers.ts';
import { canResizeInView, resizeCuboidFace } from '../../dragGeometry.ts';

/**
 * Moves one face of the grabbed box along its box-local axis; the opposite face stays put and no
 * edge goes below 0.1 m. Height faces resize only from the side and front views.
 */
export class Resizing extends StateNode {
  static override id = 'resizing';
  private down!: PointerEvent;
  private handle!: FaceHandle;
  private start!: Cuboid;

  override onEnter(info: { down: PointerEvent; id: string; handle: FaceHandle }): void {
    this.down = info.down;
    this.handle = info.handle;
    const doc = this.store.getState().doc;
    const box = doc ? findCuboid(doc, info.id) : undefined;
    if (!box) {
      this.parent!.transition('idle');
      return;
    }
    this.start = box;
  }

  private resized(event: PointerEvent): Cuboid | null {
    if (event.view !== this.down.view || !canResizeInView(event.view, this.handle)) return null;
    return resizeCuboidFace(this.start, this.handle, this.down.point, event.point);
  }

  override onPointerMove(event: PointerEvent): void {
    const box = this.resized(event);
    if (box) this.store.getState().setDrafts([box]);
  }

  override onPointerUp(event: PointerEvent): void {
    const box = this.resized(event) ?? this.store.getState().interaction.drafts[0];
    if (box) commitDrafts(this.store, [box], (d) => ({ center: d.center, size: d.size }));
    this.parent!.transition('idle');
  }

  override onCancel(): void {
    this.parent!.transition('idle');
  }

  override onExit(): void {
    this.store.getState().clearDrafts();
  }
}
