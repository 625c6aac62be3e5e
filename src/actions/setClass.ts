import type { Action } from './Action.ts';
import { patchSelection } from './actionHelpers.ts';

/**
 * `setClass1` … `setClass9` (keys 1–9): palette entry k becomes the class for new boxes and, when
 * boxes are selected, their label (one undo step). Disabled when the palette has no entry k.
 */
export const setClassActions: Action[] = Array.from({ length: 9 }, (_, i): Action => ({
  id: `setClass${i + 1}`,
  label: (s) => `Class: ${s.classes.palette[i] ?? '—'}`,
  keys: [String(i + 1)],
  group: 'class',
  predicate: (s) => i < s.classes.palette.length,
  perform: (ctx) => {
    const label = ctx.store.getState().classes.palette[i];
    ctx.store.getState().setCurrentClass(label);
    return patchSelection(ctx, () => ({ label }));
  },
}));
