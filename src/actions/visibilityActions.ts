import type { Action } from './Action.ts';

/** Shift+L: show or hide the class and track labels drawn on boxes in the main view. */
export const toggleBoxLabels: Action = {
  id: 'toggleBoxLabels',
  label: (s) => (s.visibility.boxLabels ? 'Hide box labels' : 'Show box labels'),
  keys: ['shift+l'],
  group: 'tools',
  perform: (ctx) => {
    const s = ctx.store.getState();
    s.setBoxLabels(!s.visibility.boxLabels);
  },
};

/** `/`: find a box: the object list's search field takes the keyboard (Esc gives it back). */
export const findObject: Action = {
  id: 'findObject',
  label: 'Find a box (object list search)',
  keys: ['/'],
  group: 'selection',
  perform: (ctx) => ctx.store.getState().requestObjectSearch(),
};
