import type { Action } from './Action.ts';
import { selectIsInteracting } from '../state/selectors.ts';
import { docIds, selectAfterHistoryStep } from './historySelection.ts';

export const redo: Action = {
  id: 'redo',
  label: 'Redo',
  keys: ['ctrl+shift+z', 'ctrl+y'],
  group: 'history',
  predicate: (s) => !selectIsInteracting(s),
  perform: (ctx) => {
    const before = docIds(ctx);
    ctx.store.temporal.getState().redo();
    selectAfterHistoryStep(ctx, before);
  },
};
