import type { Cuboid } from '../../../domain/types.ts';
import { selectSelectedCuboids } from '../../../state/selectors.ts';
import { StateNode } from '../../StateNode.ts';
import type { PointerEvent } from '../../ToolEvent.ts';
import { commitDrafts } from '../../toolHelpers.ts';
import { translateCuboid, viewDelta } from '../../dragGeometry.ts';

/**
 * Moves every selected box by the pointer's motion in the view's plane (x/y in the top and main
 * views; along the grabbed box's heading or lateral axis and z in the side and front views).
 * Drafts while moving, one commit on pointer up.
 */
export class Translating extends StateNode {
  static override id = 'translating';
  private down!: PointerEvent;
  private reference!: Cuboid;
  private snapshot: Cuboid[] = [];

  override onEnter(info: { down: PointerEvent; id: string }): void {
    this.down = info.down;
    this.snapshot = selectSelectedCuboids(this.store.getState());
    const ref = this.snapshot.find((c) => c.id === info.id);
    if (!ref) {
      this.parent!.transition('idle');
      return;
    }
    this.reference = ref;
  }

  private moved(event: PointerEvent): Cuboid[] {
    const delta = viewDelta(this.down.view, this.down.point, event.point, this.reference);
    return this.snapshot.map((c) => translateCuboid(c, delta));
  }

  override onPointerMove(event: PointerEvent): void {
    if (event.view !== this.down.view) return;
    this.store.getState().setDrafts(this.moved(event));
  }

  override onPointerUp(event: PointerEvent): void {
    const drafts = event.view === this.down.view ? this.moved(event) : this.store.getState().interaction.drafts;
    commitDrafts(this.store, drafts, (d) => ({ center: d.center }));
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
