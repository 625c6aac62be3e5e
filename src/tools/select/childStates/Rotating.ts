import type { Cuboid } from '../../../domain/types.ts';
import { findCuboid } from '../../../domain/document/cuboidOps.ts';
import { selectSelectedCuboids } from '../../../state/selectors.ts';
import { StateNode } from '../../StateNode.ts';
import type { PointerEvent } from '../../ToolEvent.ts';
import { commitDrafts } from '../../toolHelpers.ts';
import { dragYawDelta } from '../../dragGeometry.ts';

/** Yaw snap step with shift held: 5°. */
export const ROTATE_SNAP = (5 * Math.PI) / 180;

/**
 * Turns the selected boxes, each about its own centre, by the angle the pointer sweeps around the
 * grabbed box's centre. Yaw only exists in the x/y plane, so only top and main view drags count.
 */
export class Rotating extends StateNode {
  static override id = 'rotating';
  private down!: PointerEvent;
  private pivot!: Cuboid;
  private snapshot: Cuboid[] = [];

  override onEnter(info: { down: PointerEvent; id: string }): void {
    this.down = info.down;
    const doc = this.store.getState().doc;
    const pivot = doc ? findCuboid(doc, info.id) : undefined;
    if (!pivot) {
      this.parent!.transition('idle');
      return;
    }
    this.pivot = pivot;
    this.snapshot = selectSelectedCuboids(this.store.getState());
  }

  private rotated(event: PointerEvent): Cuboid[] {
    const d = dragYawDelta(this.pivot, this.down.point, event.point, event.shiftKey ? ROTATE_SNAP : 0);
    return this.snapshot.map((c) => ({ ...c, yaw: c.yaw + d }));
  }

  private usable(event: PointerEvent): boolean {
    return event.view === this.down.view && (event.view === 'top' || event.view === 'main');
  }

  override onPointerMove(event: PointerEvent): void {
    if (this.usable(event)) this.store.getState().setDrafts(this.rotated(event));
  }

  override onPointerUp(event: PointerEvent): void {
    const drafts = this.usable(event) ? this.rotated(event) : this.store.getState().interaction.drafts;
    commitDrafts(this.store, drafts, (d) => ({ yaw: d.yaw }));
    this.parent!.transition('idle');
  }

  override onCancel(): void {
    this.parent!.transition('idle');
  }

  override onExit(): void {
    this.store.getState().clearDrafts();
    this.snapshot = [];
  }
}
