import { removeCuboids } from '../domain/document/cuboidOps.ts';
import type { Action } from './Action.ts';
import { editableSelection, hasSelection } from './actionHelpers.ts';

export const deleteSelection: Action = {
  id: 'deleteSelection',
  label: 'Delete selected boxes',
  keys: ['Delete', 'Backspace'],
  group: 'edit',
  predicate: hasSelection,
  perform: (ctx) => {
    const s = ctx.store.getState();
    // Locked boxes stay (and selected); the message says why.
    const ids = editableSelection(ctx, 'deleted').map((c) => c.id);
    if (ids.length === 0) return;
    const flagged = s.doc?.flags.filter((f) => f.state === 'open' && f.cuboidId !== null && ids.includes(f.cuboidId)).length ?? 0;
    if (flagged > 0) {
      s.showMessage(
        `The deleted ${ids.length === 1 ? 'box had' : 'boxes had'} ${flagged === 1 ? 'an open review flag' : `${flagged} open review flags`}: the reviewer will see it on "a deleted box". Undo (Ctrl+Z) brings the box back.`,
        'warning',
      );
    }
    s.select(s.selectedIds.filter((id) => !ids.includes(id)));
    return { docChange: (doc) => removeCuboids(doc, ids) };
  },
};
