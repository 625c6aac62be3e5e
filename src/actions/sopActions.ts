import type { EdgeCase } from '../domain/checks/dictionary/EdgeCaseDictionary.ts';
import type { Action } from './Action.ts';
import { commandsOf } from './pageCommandHelpers.ts';

/** What `saveEdgeCase` takes: the entry to add or replace (null: none), and an id to remove. */
export interface SaveEdgeCaseValue {
  entry: EdgeCase | null;
  removeId?: string;
}

/** A lead's SOP edit: saved on top of the version it was based on (see `services.dictionary`). */
export const saveEdgeCase: Action = {
  id: 'saveEdgeCase',
  label: 'Save the rule',
  keys: [],
  group: 'file',
  perform: async (ctx) => {
    const { entry, removeId } = ctx.value as SaveEdgeCaseValue;
    return { ok: await commandsOf(ctx, 'dictionary').saveEdgeCase(entry, removeId) };
  },
};
