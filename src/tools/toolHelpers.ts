import type { Cuboid } from '../domain/types.ts';
import { addCuboid, createCuboid, updateCuboids, type CuboidPatch } from '../domain/document/cuboidOps.ts';
import { classDefaultSize } from '../domain/document/classDefaultSizes.ts';
import type { ToolContext } from './ToolContext.ts';
import type { Point3, PointerEvent } from './ToolEvent.ts';

/** Pointer travel (CSS pixels) below which a press-and-release is a click, not a drag. */
export const DRAG_THRESHOLD_PX = 4;
/** The same threshold in metres, for events that carry no screen position. */
export const DRAG_THRESHOLD_M = 0.05;

/** True when the pointer has moved far enough from `down` to start a drag. */
export function isDrag(down: PointerEvent, move: PointerEvent): boolean {
  if (down.screen && move.screen) {
    return Math.hypot(move.screen[0] - down.screen[0], move.screen[1] - down.screen[1]) > DRAG_THRESHOLD_PX;
  }
  const d = Math.hypot(move.point[0] - down.point[0], move.point[1] - down.point[1], move.point[2] - down.point[2]);
  return d > DRAG_THRESHOLD_M;
}

/** The point of a pointer event, preferring the picked cloud point when the hit is on points. */
export function eventPoint(event: PointerEvent): Point3 {
  return event.hit.kind === 'points' ? event.hit.point : event.point;
}

/** Ground z (metres) at (x, y) from the ground provider, else `fallback`. */
export function groundZAt(ctx: ToolContext, x: number, y: number, fallback: number): number {
  const frameId = ctx.store.getState().doc?.frameId;
  const z = frameId === undefined ? null : ctx.services.ground.groundZ(frameId, x, y);
  return z !== null && Number.isFinite(z) ? z : fallback;
}

/**
 * A box of the current class with its default size, standing on the ground at (x, y), heading
 * along +x. Used for shift-create and when a fit finds nothing.
 */
export function defaultCuboidAt(ctx: ToolContext, point: Point3): Cuboid {
  const { classes } = ctx.store.getState();
  const size = classDefaultSize(classes.current, classes.sizes);
  const bottom = groundZAt(ctx, point[0], point[1], point[2]);
  return createCuboid({
    label: classes.current,
    center: [point[0], point[1], bottom + size[2] / 2],
    size,
    yaw: 0,
    source: 'manual',
  });
}

/** Adds `cuboid` to the document (one undo step) and selects it. False when no frame is open. */
export function commitNewCuboid(ctx: ToolContext, cuboid: Cuboid): boolean {
  const state = ctx.store.getState();
  if (!state.applyDocChange((doc) => addCuboid(doc, cuboid))) {
    // A locked frame has said why already.
    if (state.editLock === null) state.showMessage('Open a frame before creating boxes.', 'warning');
    return false;
  }
  ctx.store.getState().select([cuboid.id]);
  return true;
}

/**
 * Commits the drafts of a drag as one document change (one undo step): each draft's fields named by
 * `pick` (e.g. `center` for a move, `yaw` for a turn) are written to the box with its id.
 */
export function commitDrafts(store: ToolContext['store'], drafts: readonly Cuboid[], pick: (draft: Cuboid) => CuboidPatch): void {
  const patches: Record<string, CuboidPatch> = {};
  for (const d of drafts) patches[d.id] = pick(d);
  store.getState().applyDocChange((doc) => updateCuboids(doc, patches));
}
