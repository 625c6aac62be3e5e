import type { Action } from './Action.ts';

/** ?: show or hide the shortcut overlay (its rows come from `listShortcuts()`). */
export const toggleHelp: Action = {
  id: 'toggleHelp',
  label: 'Keyboard shortcuts',
  keys: ['?'],
  group: 'help',
  perform: (ctx) => ctx.store.getState().toggleHelp(),
};
