import type { Action } from './Action.ts';
import { hiddenIdsOf } from '../state/visibilitySelectors.ts';

type Ctx = Parameters<Action['perform']>[0];

/** Ids of the open document's boxes. */
export function docIds(ctx: Ctx): Set<string> {
  return new Set(ctx.store.getState().doc?.cuboids.map((c) => c.id) ?? []);
}

/**
 * The selection after an undo or redo (`before`: the document's box ids before it). Boxes the
 * step brought back (an undone delete, a redone paste) are selected, as they were when they went
 * away, so the next key acts on them; hidden ones are not. Otherwise selected ids the step
 * removed are dropped. A notice (an info message: N's "Boxed a …", X's "Marked …") goes when the
 * step added or removed boxes: it told of the document before the step.
 */
export function selectAfterHistoryStep(ctx: Ctx, before: ReadonlySet<string>): void {
  const s = ctx.store.getState();
  const cuboids = s.doc?.cuboids ?? [];
  // A notice about a box the step took away or brought back ("Boxed a Truck …" with its "Not an
  // object" button, "Marked … and removed the box") is stale; warnings and errors stay, and so does
  // a notice when the step added or removed no box (a class change undone).
  const boxesChanged = cuboids.length !== before.size || cuboids.some((c) => !before.has(c.id));
  if (boxesChanged && s.ui.message?.level === 'info') s.dismissMessage();
  const hidden = hiddenIdsOf(cuboids, s.visibility);
  const back = cuboids.filter((c) => !before.has(c.id) && !hidden.has(c.id)).map((c) => c.id);
  if (back.length > 0) {
    s.select(back);
    return;
  }
  const ids = new Set(cuboids.map((c) => c.id));
  const kept = s.selectedIds.filter((id) => ids.has(id));
  if (kept.length !== s.selectedIds.length) s.select(kept);
}
