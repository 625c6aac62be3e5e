import type { Action } from './Action.ts';

/** Home / `.`: point the main view at the selected box, or at the whole cloud when none is selected. */
export const frameView: Action = {
  id: 'frameView',
  label: 'Frame the selected box (or the whole cloud)',
  keys: ['Home', '.'],
  group: 'tools',
  perform: (ctx) => ctx.store.getState().requestFraming(),
};
