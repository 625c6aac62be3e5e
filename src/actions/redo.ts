import type { Action } from './Action.ts';
import { selectIsInteracting } from '../state/selectors.ts';
import { pruneSelection } from './undo.ts';

export const redo: Action = {
  id: 'redo',
  label: 'Redo',
  keys: ['ctrl+shift+z', 'ctrl+y'],
  group: 'history',
  predicate: (s) => !selectIsInteracting(s),
  perform: (ctx) => {
    ctx.store.temporal.getState().redo();
    pruneSelection(ctx);
  },
};
