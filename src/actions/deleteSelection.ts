import { removeCuboids } from '../domain/document/cuboidOps.ts';
import type { Action } from './Action.ts';
import { hasSelection } from './actionHelpers.ts';

export const deleteSelection: Action = {
  id: 'deleteSelection',
  label: 'Delete selected boxes',
  keys: ['Delete', 'Backspace'],
  group: 'edit',
  predicate: hasSelection,
  perform: (ctx) => {
    const ids = [...ctx.store.getState().selectedIds];
    ctx.store.getState().clearSelection();
    return { docChange: (doc) => removeCuboids(doc, ids) };
  },
};
