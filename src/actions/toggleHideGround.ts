import type { Action } from './Action.ts';

/** Shift+G: hide or show the ground points (the ground model's, as the checks use it). */
export const toggleHideGround: Action = {
  id: 'toggleHideGround',
  label: (s) => (s.visibility.hideGround ? 'Show the ground points' : 'Hide the ground points'),
  keys: ['shift+g'],
  group: 'tools',
  perform: (ctx) => {
    const s = ctx.store.getState();
    s.setHideGround(!s.visibility.hideGround);
  },
};
