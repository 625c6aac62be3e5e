import type { Action } from './Action.ts';

/** M: switch the main view between the 3D orbit view and the bird's-eye top view (map). */
export const toggleMainView: Action = {
  id: 'toggleMainView',
  label: 'Switch main view: 3D / top',
  keys: ['m'],
  group: 'tools',
  perform: (ctx) => {
    const s = ctx.store.getState();
    s.setMainMode(s.view.mainMode === 'top' ? 'perspective' : 'top');
  },
};
