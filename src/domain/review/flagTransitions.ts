import type { ReviewFlag } from '../document/FrameAnnotation.ts';
import type { Role } from './Role.ts';

export type FlagState = ReviewFlag['state'];

export type FlagTransitionResult = { ok: true } | { ok: false; kind: 'forbidden' | 'invalid'; message: string };

/**
 * Who may move a review flag between states. The annotator answers a flag by resolving it
 * (`open → resolved`); the reviewer closes it (`open | resolved → closed`) or sends it back
 * (`resolved | closed → open`). A lead may do both sides.
 */
export function flagTransition(from: FlagState, to: FlagState, role: Role): FlagTransitionResult {
  if (from === to) return { ok: false, kind: 'invalid', message: `the flag is already ${to}` };
  const annotatorSide = to === 'resolved';
  const allowed = role === 'lead' || (annotatorSide ? role === 'annotator' : role === 'reviewer');
  if (!allowed) {
    return {
      ok: false,
      kind: 'forbidden',
      message: annotatorSide
        ? `a ${role} may not resolve flags (the annotator does)`
        : `a ${role} may not ${to === 'open' ? 'reopen' : 'close'} flags (the reviewer does)`,
    };
  }
  if (to === 'resolved' && from !== 'open') return { ok: false, kind: 'invalid', message: `only an open flag can be resolved (this one is ${from})` };
  return { ok: true };
}
