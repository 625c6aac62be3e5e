import type { Action } from './Action.ts';
import { selectIsInteracting } from '../state/selectors.ts';
import { docIds, selectAfterHistoryStep } from './historySelection.ts';

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
    const before = docIds(ctx);
    ctx.store.temporal.getState().undo();
    selectAfterHistoryStep(ctx, before);
  },
};
