import type { Action } from './Action.ts';
import { hasDoc } from './actionHelpers.ts';
import { removeDismissal as removeFromDoc } from '../domain/document/dismissals.ts';

/**
 * Takes back a "not an object" dismissal (the checks panel's button): `value` is its id. One undo
 * step; the checks report the place again if they still find an object there. Refused, with the
 * reason, while the frame is locked for this user (a reviewer sees dismissals but does not edit).
 */
export const removeDismissal: Action = {
  id: 'removeDismissal',
  label: 'Take back a "not an object" mark',
  keys: [],
  group: 'edit',
  predicate: hasDoc,
  perform: (ctx) => {
    if (typeof ctx.value !== 'string') throw new Error('removeDismissal: value must be a dismissal id');
    const id = ctx.value;
    return { docChange: (doc) => removeFromDoc(doc, id) };
  },
};
