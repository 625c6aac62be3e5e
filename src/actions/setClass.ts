import type { Action } from './Action.ts';
import { hasSelection, patchSelection } from './actionHelpers.ts';

/**
 * `setClass1` … `setClass9` (keys 1–9): with boxes selected, palette entry k becomes their label
 * (one undo step) and the class for new boxes stays as it was; with nothing selected, it becomes
 * the class for new boxes. Disabled, and left out of the `?` overlay, when the palette has no entry k.
 */
export const setClassActions: Action[] = Array.from({ length: 9 }, (_, i): Action => ({
  id: `setClass${i + 1}`,
  label: (s) => `Class: ${s.classes.palette[i] ?? '—'}`,
  keys: [String(i + 1)],
  group: 'class',
  predicate: (s) => i < s.classes.palette.length,
  unlisted: (s) => i >= s.classes.palette.length,
  perform: (ctx) => {
    const state = ctx.store.getState();
    const label = state.classes.palette[i];
    if (hasSelection(state)) return patchSelection(ctx, (c) => (c.label === label ? null : { label }));
    state.setCurrentClass(label);
  },
}));
