import type { Action } from './Action.ts';
import { selectIsInteracting } from '../state/selectors.ts';

/** Drops selected ids that an undo/redo removed from the document. */
export function pruneSelection(ctx: Parameters<Action['perform']>[0]): void {
  const s = ctx.store.getState();
  const ids = new Set(s.doc?.cuboids.map((c) => c.id) ?? []);
  const kept = s.selectedIds.filter((id) => ids.has(id));
  if (kept.length !== s.selectedIds.length) s.select(kept);
}

export const undo: Action = {
  id: 'undo',
  label: 'Undo',
  keys: ['ctrl+z'],
  group: 'history',
  predicate: (s) => !selectIsInteracting(s),
  perform: (ctx) => {
    if (ctx.store.temporal.getState().pastStates.length === 0) {
      // Undo history starts when a frame opens (it never crosses a load): say so instead of nothing.
      ctx.store
        .getState()
        .showMessage('Nothing to undo since this frame was opened. Earlier saved versions are in the Review panel (Changes, History).', 'info');
      return;
    }
    ctx.store.temporal.getState().undo();
    pruneSelection(ctx);
  },
};
