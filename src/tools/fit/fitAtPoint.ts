import { createCuboid } from '../../domain/document/cuboidOps.ts';
import type { ToolContext } from '../ToolContext.ts';
import type { Point3 } from '../ToolEvent.ts';
import { commitNewCuboid, defaultCuboidAt } from '../toolHelpers.ts';
import { fitNotice } from './fitNotice.ts';
import { hiddenAtPoint } from './hiddenAtPoint.ts';

export interface FitAtPointOptions {
  /** Create a class-default box at the point without asking the fit service (shift-create). */
  withoutFit?: boolean;
  /** The class of the new box (default: the current class), e.g. the one a missed-object check suggests. */
  label?: string;
  /** Gather points no farther than this from the point (metres): a missed-object finding's extent. */
  reach?: number;
}

function formatPoint(p: Point3): string {
  return `(${p[0].toFixed(1)}, ${p[1].toFixed(1)})`;
}

/**
 * Creates a box of the current class at `point` (LiDAR frame, metres): the fit service's box
 * (source 'fit') when it finds a cluster there, else a class-default box standing on the ground
 * (source 'manual') and a message saying so. One undo step; the new box is selected.
 * Resolves to the new box id, or null when no frame is open, the point is out of sight (in a
 * hidden box; a fit landing there or outside the slice or crop: `hiddenAtPoint`, with a message), the fit failed, or the
 * frame changed while the fit ran (the result is then dropped).
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
  state.addPendingFits(1);
  let result;
  try {
    result = await ctx.services.fit.fit(frameId, point, { label, ...(options.reach !== undefined ? { reach: options.reach } : {}) });
  } catch (err) {
    ctx.store.getState().showMessage(`Fit failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    return null;
  } finally {
    ctx.store.getState().addPendingFits(-1);
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
  if (!commitNewCuboid(ctx, box)) return null;
  ctx.store.getState().setFitHint(box.id, { candidates: result.headingCandidates, index: 0, seed: [point[0], point[1], point[2]], prior: null });
  const notice = fitNotice(label, result);
  if (notice !== null) ctx.store.getState().showMessage(notice, result.confidence === 'low' ? 'warning' : 'info');
  return box.id;
}
