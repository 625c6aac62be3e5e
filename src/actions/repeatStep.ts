import type { Action } from './Action.ts';

/** Presses of a `repeatable` action less than this apart (milliseconds) join one undo step. */
export const REPEAT_WINDOW_MS = 1000;

/** The last `repeatable` action applied: its id, when, on what (a selection, a tile's box), and the document it left. */
export interface RepeatMemo {
  id: string;
  at: number;
  target: string;
  doc: unknown;
}

/**
 * Whether a press of `action` on `target` joins the undo step of the last press (`last`): the same
 * `repeatable` action pressed again within `REPEAT_WINDOW_MS` on the same target, with nothing else
 * changing the document (`doc`, the one it is about to change) in between. Turning a box by 20°
 * with E is then one step back, not twenty.
 */
export function joinsLastStep(last: RepeatMemo | null, action: Action | undefined, target: string, doc: unknown, now: number): boolean {
  return (
    action?.repeatable === true && last !== null && last.id === action.id && now - last.at < REPEAT_WINDOW_MS && last.target === target && last.doc === doc
  );
}

/** What to remember of a press just applied (`doc`: the document it left), or null for an action that is not `repeatable`. */
export function repeatMemo(action: Action | undefined, target: string, doc: unknown, now: number): RepeatMemo | null {
  return action?.repeatable === true ? { id: action.id, at: now, target, doc } : null;
}
