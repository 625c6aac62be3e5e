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
 * removed are dropped. A message offering a button (N's "Not an object") goes: the button acted on
 * the document before the step.
 */
export function selectAfterHistoryStep(ctx: Ctx, before: ReadonlySet<string>): void {
  const s = ctx.store.getState();
  // A message whose button acts on what the step took back ("Boxed a Truck …: Not an object") is stale.
  if (s.ui.message?.action !== undefined) s.dismissMessage();
  const cuboids = s.doc?.cuboids ?? [];
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
