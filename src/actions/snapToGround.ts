import type { Action } from './Action.ts';
import { hasSelection, patchSelection } from './actionHelpers.ts';

/**
 * G: puts the bottom of each selected box on the ground under its centre (ground provider). Boxes
 * where the ground is unknown stay, and a message says so.
 */
export const snapToGround: Action = {
  id: 'snapToGround',
  label: 'Snap bottom to ground',
  keys: ['g'],
  group: 'edit',
  predicate: hasSelection,
  perform: (ctx) => {
    const state = ctx.store.getState();
    const frameId = state.doc!.frameId;
    let unknown = 0;
    const result = patchSelection(ctx, (c) => {
      const z = ctx.services.ground.groundZ(frameId, c.center[0], c.center[1]);
      if (z === null || !Number.isFinite(z)) {
        unknown++;
        return null;
      }
      return { center: [c.center[0], c.center[1], z + c.size[2] / 2] };
    });
    if (unknown > 0) state.showMessage(`Ground height unknown under ${unknown} box${unknown > 1 ? 'es' : ''}.`, 'warning');
    return result;
  },
};
