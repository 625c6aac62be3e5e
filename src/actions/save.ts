import type { Action } from './Action.ts';
import { hasDoc } from './actionHelpers.ts';

/** Ctrl+S: save now instead of waiting for the autosave. */
export const save: Action = {
  id: 'save',
  label: 'Save now',
  keys: ['ctrl+s'],
  group: 'file',
  predicate: hasDoc,
  perform: (ctx) => ctx.services.save.saveNow(),
};
