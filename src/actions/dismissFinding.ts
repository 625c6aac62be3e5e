import type { Action, ActionContext } from './Action.ts';
import { hasDoc } from './actionHelpers.ts';
import { removeCuboids } from '../domain/document/cuboidOps.ts';
import { addDismissal, createDismissal, defaultDismissalRadius, dismissalAt, dismissalsOf } from '../domain/document/dismissals.ts';
import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import type { FocusedFinding } from '../state/slices/checksSlice.ts';
import { selectFocusedFinding } from '../state/selectors.ts';

/** What a panel, a pin or a notice passes: the finding's place (LiDAR frame, metres) and what the checks said of it. */
export type FindingValue = Omit<FocusedFinding, 'frameId'>;

function isFinding(v: unknown): v is FindingValue {
  if (typeof v !== 'object' || v === null) return false;
  const loc = (v as { location?: unknown }).location;
  return Array.isArray(loc) && loc.length === 3 && loc.every((x) => typeof x === 'number' && Number.isFinite(x));
}

/** Extra reach beyond a fitted box's half diagonal, metres, when the box stands for the cluster. */
const BOX_MARGIN = 0.3;

/**
 * X / "Not an object": marks a missed-object finding as scenery (a hedge, a post). The place is
 * stored in the frame's annotation as a dismissal (`domain/document/dismissals`): saved, merged
 * and undone with the boxes, shown to reviewers, honoured by the checks and by `N`, and written
 * as a KITTI DontCare region when it is in the camera's view.
 *
 * Which finding: the one a button passes (`value`: `{ location, suggestedLabel?, radius?, boxId? }`),
 * else the focused one (the one `N` just boxed, or whose pin or row was clicked). When it is the
 * box `N` just made (still selected), that box is removed in the same undo step. The radius is the
 * cluster's (as the checks worker measured it), else the fitted box's, else 1.5 m.
 */
export const dismissFinding: Action = {
  id: 'dismissFinding',
  label: 'Not an object (the missed object N just boxed, or whose pin or row you clicked)',
  keys: ['x'],
  group: 'create',
  predicate: hasDoc,
  perform: (ctx) => {
    const s = ctx.store.getState();
    const doc = s.doc;
    if (!doc) return;
    const target = targetOf(ctx, doc);
    if (target === null) {
      s.showMessage('X marks a missed object as "not an object": press N first, or click a missed-object pin or its row in the checks panel.', 'info');
      return;
    }
    if (s.editLock !== null) {
      s.showMessage(s.editLock, 'warning');
      return;
    }
    const [x, y] = target.location;
    if (target.boxId === undefined && dismissalAt(dismissalsOf(doc), x, y) !== undefined) {
      s.showMessage(`The place at (${x.toFixed(1)}, ${y.toFixed(1)}) is already marked "not an object".`, 'info');
      return;
    }
    const box = target.boxId !== undefined ? doc.cuboids.find((c) => c.id === target.boxId) : undefined;
    const radius =
      target.radius !== undefined
        ? defaultDismissalRadius(target.radius)
        : box !== undefined
          ? defaultDismissalRadius(0.5 * Math.hypot(box.size[0], box.size[1]) + BOX_MARGIN)
          : defaultDismissalRadius(undefined);
    const user = ctx.store.getState().session.user;
    const dismissal = createDismissal({
      location: target.location,
      radius,
      ...(target.suggestedLabel !== undefined ? { label: target.suggestedLabel } : {}),
      ...(user !== null ? { by: user.name } : {}),
      at: new Date().toISOString(),
    });
    s.focusFinding(null);
    if (box !== undefined) s.select(s.selectedIds.filter((id) => id !== box.id));
    const what = target.suggestedLabel !== undefined ? `a ${target.suggestedLabel}` : 'an object';
    s.showMessage(
      `Marked (${x.toFixed(1)}, ${y.toFixed(1)}) as not ${what}${box !== undefined ? ' and removed the box N made there' : ''}: the checks and N leave it alone. Ctrl+Z undoes it.`,
      'info',
    );
    return {
      docChange: (d) => addDismissal(box !== undefined ? removeCuboids(d, [box.id]) : d, dismissal),
    };
  },
};

/**
 * The finding X acts on, or null: the focused one while it still stands (`selectFocusedFinding`);
 * a focus from `N` counts only while N's box is selected (or gone: N, Ctrl+Z, X works too).
 */
function targetOf(ctx: ActionContext, doc: FrameAnnotation): FindingValue | null {
  if (isFinding(ctx.value)) return ctx.value;
  const s = ctx.store.getState();
  const f = selectFocusedFinding(s);
  if (f === null || f.boxId === undefined) return f;
  if (!doc.cuboids.some((c) => c.id === f.boxId)) return { ...f, boxId: undefined };
  return s.selectedIds.includes(f.boxId) ? f : null;
}
