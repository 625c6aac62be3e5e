import type { Action } from './Action.ts';
import { commandsOf } from './pageCommandHelpers.ts';

/** The frame list's and tracks panel's commands (no keys; `D`/`A` are `nextFrame`/`prevFrame`). */
export const frameListActions: Action[] = [
  {
    id: 'openFrame',
    label: 'Open a frame',
    keys: [],
    group: 'frames',
    perform: async (ctx) => {
      if (typeof ctx.value !== 'string') throw new Error('openFrame: the value must be a frame id');
      await ctx.services.navigation.openFrame(ctx.value);
    },
  },
  {
    id: 'refreshFrames',
    label: 'Reload the frame list',
    keys: [],
    group: 'frames',
    perform: async (ctx) => {
      await commandsOf(ctx, 'frames')
        .refreshFrames()
        .catch(() => undefined);
    },
  },
  {
    id: 'reloadTracks',
    label: 'Reload the track index',
    keys: [],
    group: 'frames',
    perform: async (ctx) => {
      await commandsOf(ctx, 'tracks').reload();
    },
  },
];
