import { createCuboid } from '../../domain/document/cuboidOps.ts';
import type { ToolContext } from '../ToolContext.ts';
import type { Point3 } from '../ToolEvent.ts';
import { commitNewCuboid, defaultCuboidAt } from '../toolHelpers.ts';
import { fitNotice } from './fitNotice.ts';
import { hiddenAtPoint } from './hiddenAtPoint.ts';
import { iouBev } from '../../domain/geometry/iou.ts';
import { isBoxLocked } from '../../state/visibilitySelectors.ts';

export interface FitAtPointOptions {
  /** Create a class-default box at the point without asking the fit service (shift-create). */
  withoutFit?: boolean;
  /** The class of the new box (default: the current class), e.g. the one a missed-object check suggests. */
  label?: string;
  /** Gather points no farther than this from the point (metres): a missed-object finding's extent. */
  reach?: number;
}

/** Seeds (x, y) of the fits under way, per store: a second fit this close (metres) to one is the same click. */
const pending = new WeakMap<object, [number, number][]>();
const SAME_SEED = 0.5;
/** A fitted box whose BEV IoU with a box of the same class already there reaches this is that box again. */
const SAME_BOX_IOU = 0.7;
/** The box a fit made last, per store, and when: a second click on it this soon (ms) is the double click's. */
const justFitted = new WeakMap<object, { id: string; at: number }>();
const JUST_FITTED_MS = 1500;
/** Boxes within this distance of the point (metres, centres) are passed to the fit to leave out. */
export const EXCLUDE_REACH = 15;

function formatPoint(p: Point3): string {
  return `(${p[0].toFixed(1)}, ${p[1].toFixed(1)})`;
}

/**
 * Creates a box of the current class at `point` (LiDAR frame, metres): the fit service's box
 * (source 'fit') when it finds a cluster there, else a class-default box standing on the ground
 * (source 'manual') and a message saying so. One undo step; the new box is selected.
 * Resolves to the new box id, or null when no frame is open, the point is out of sight (in a
 * hidden box; a fit landing there or outside the slice or crop: `hiddenAtPoint`, with a message), the fit failed, or the
 * frame changed while the fit ran (the result is then dropped). A fit asked for within 0.5 m of
 * one under way (a double click, N pressed twice) is dropped, and a fitted box that a box of its
 * class already covers (BEV IoU 0.7) selects that box instead of adding a second.
 */
export async function fitAtPoint(ctx: ToolContext, point: Point3, options: FitAtPointOptions = {}): Promise<string | null> {
  const state = ctx.store.getState();
  const doc = state.doc;
  if (!doc) {
    state.showMessage('Open a frame before creating boxes.', 'warning');
    return null;
  }
  if (state.editLock !== null) {
    state.showMessage(state.editLock, 'warning');
    return null;
  }
  const hidden = hiddenAtPoint(state, point);
  if (hidden !== null) {
    state.showMessage(hidden, 'warning');
    return null;
  }
  if (options.withoutFit) {
    const box = defaultCuboidAt(ctx, point);
    return commitNewCuboid(ctx, box) ? box.id : null;
  }
  const label = options.label ?? state.classes.current;
  const frameId = doc.frameId;
  const seeds = pending.get(ctx.store) ?? [];
  if (seeds.some(([x, y]) => Math.hypot(point[0] - x, point[1] - y) < SAME_SEED)) return null;
  const seed: [number, number] = [point[0], point[1]];
  pending.set(ctx.store, [...seeds, seed]);
  state.addPendingFits(1);
  let result;
  try {
    // The boxes already drawn around the point keep their points: a fit beside a boxed car never takes in part of it.
    const exclude = doc.cuboids.filter((c) => Math.hypot(c.center[0] - point[0], c.center[1] - point[1]) < EXCLUDE_REACH);
    result = await ctx.services.fit.fit(frameId, point, {
      label,
      ...(options.reach !== undefined ? { reach: options.reach } : {}),
      ...(exclude.length > 0 ? { exclude: exclude.map((c) => ({ center: c.center, size: c.size, yaw: c.yaw })) } : {}),
    });
  } catch (err) {
    ctx.store.getState().showMessage(`Fit failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    return null;
  } finally {
    ctx.store.getState().addPendingFits(-1);
    pending.set(
      ctx.store,
      (pending.get(ctx.store) ?? []).filter((s) => s !== seed),
    );
  }
  if (ctx.store.getState().doc?.frameId !== frameId) return null;
  if (result === null) {
    const box = { ...defaultCuboidAt(ctx, point), label };
    ctx.store.getState().showMessage(`No points to fit at ${formatPoint(point)}: placed a default ${label} box.`, 'warning');
    return commitNewCuboid(ctx, box) ? box.id : null;
  }
  const outOfSight = hiddenAtPoint(ctx.store.getState(), result.center, result);
  if (outOfSight !== null) {
    ctx.store.getState().showMessage(outOfSight, 'warning');
    return null;
  }
  const box = createCuboid({ label, center: result.center, size: result.size, yaw: result.yaw, source: 'fit' });
  const now = ctx.store.getState();
  const same = now.doc?.cuboids.find((c) => c.label === label && iouBev(c, box) >= SAME_BOX_IOU);
  if (same !== undefined) {
    const last = justFitted.get(ctx.store);
    // The second click of a double click, after the first fit made this box: its notice stays.
    if (last !== undefined && last.id === same.id && Date.now() - last.at < JUST_FITTED_MS) return null;
    if (isBoxLocked(now.visibility, same)) {
      now.showMessage(`This ${label} has a box already (locked: unlock it in the object list to change it).`, 'info');
      return null;
    }
    now.select([same.id]);
    now.showMessage(`This ${label} has a box already: selected it.`, 'info');
    return null;
  }
  if (!commitNewCuboid(ctx, box)) return null;
  justFitted.set(ctx.store, { id: box.id, at: Date.now() });
  ctx.store.getState().setFitHint(box.id, { candidates: result.headingCandidates, index: 0, seed: [point[0], point[1], point[2]], prior: null, label });
  const notice = fitNotice(label, result);
  if (notice !== null) ctx.store.getState().showMessage(notice, result.confidence === 'low' ? 'warning' : 'info');
  return box.id;
}
