import type { Action } from './Action.ts';
import { commandsOf } from './pageCommandHelpers.ts';

/** The session's commands (no keys): ask who we are, log in with a token (`value`), log out. */
export const sessionActions: Action[] = [
  {
    id: 'loadSession',
    label: 'Ask the server who we are',
    keys: [],
    group: 'session',
    perform: async (ctx) => {
      await commandsOf(ctx, 'session').load();
    },
  },
  {
    id: 'login',
    label: 'Log in',
    keys: [],
    group: 'session',
    predicate: (s) => !s.session.busy,
    perform: async (ctx) => ({ ok: await commandsOf(ctx, 'session').login(typeof ctx.value === 'string' ? ctx.value : '') }),
  },
  {
    id: 'logout',
    label: 'Log out',
    keys: [],
    group: 'session',
    predicate: (s) => !s.session.busy,
    perform: async (ctx) => {
      await commandsOf(ctx, 'session').logout();
    },
  },
];
