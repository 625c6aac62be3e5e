import type { Action, ActionContext, ActionResult } from './Action.ts';
import { hasSelection, patchSelection } from './actionHelpers.ts';

/** Relabels the selected boxes as `label` (one undo step), or with nothing selected makes it the class for new boxes. */
function applyClass(ctx: ActionContext, label: string): ActionResult {
  const state = ctx.store.getState();
  if (hasSelection(state)) return patchSelection(ctx, (c) => (c.label === label ? null : { label }));
  state.setCurrentClass(label);
}

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
  perform: (ctx) => applyClass(ctx, ctx.store.getState().classes.palette[i]),
}));

/**
 * `setClassByName` (no key; the palette's entries past the ninth): as `setClass1`…, for the
 * palette class given as the value.
 */
export const setClassByName: Action = {
  id: 'setClassByName',
  label: 'Class (palette entry)',
  keys: [],
  group: 'class',
  unlisted: () => true,
  perform: (ctx) => {
    const label = ctx.value;
    if (typeof label !== 'string' || !ctx.store.getState().classes.palette.includes(label))
      throw new Error(`setClassByName: "${String(label)}" is not a palette class`);
    return applyClass(ctx, label);
  },
};
