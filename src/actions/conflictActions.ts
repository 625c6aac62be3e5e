import type { Action } from './Action.ts';
import { commandsOf } from './pageCommandHelpers.ts';

/** The save-conflict dialog's two ways out (no keys: the dialog asks for a deliberate click). */
export const conflictActions: Action[] = [
  {
    id: 'keepMine',
    label: 'Keep mine (save it on top of theirs)',
    keys: [],
    group: 'file',
    predicate: (s) => s.save.conflict !== null,
    perform: async (ctx) => {
      await commandsOf(ctx, 'conflict').resolveConflict('mine');
    },
  },
  {
    id: 'takeTheirs',
    label: 'Take theirs (mine goes to the recovery slot)',
    keys: [],
    group: 'file',
    predicate: (s) => s.save.conflict !== null,
    perform: async (ctx) => {
      await commandsOf(ctx, 'conflict').resolveConflict('theirs');
    },
  },
];
