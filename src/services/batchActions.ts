import type { Action, ActionContext, KeyInput } from '../actions/Action.ts';
import { matchesKey, parseKeySpec } from '../actions/keyMatching.ts';
import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import { createAppStore, type AppStore } from '../state/createAppStore.ts';
import type { MessageLevel } from '../state/slices/uiSlice.ts';

/**
 * The editor's own box edits that act on the focused tile of the batch view, by action id: the
 * same steps, keys and messages as in the main view. Plain arrows move the tile focus there, so
 * the box moves with Ctrl+arrows (along the box's own axes, which are the close-up's screen axes)
 * and Alt+↑/↓.
 */
export const BATCH_EDIT_ACTIONS: readonly string[] = [
  'nudgeAlongHeading',
  'nudgeAgainstHeading',
  'nudgeBoxLeft',
  'nudgeBoxRight',
  'nudgeUp',
  'nudgeDown',
  'rotateLeft',
  'rotateRight',
  'growLength',
  'shrinkLength',
  'growWidth',
  'shrinkWidth',
  'growHeight',
  'shrinkHeight',
  'refit',
  'toggleKeyframe',
  'deleteSelection',
  'cycleTruncated',
  'cycleOccluded',
];

/** The batch edit (of `actions`, limited to `BATCH_EDIT_ACTIONS`) a key press maps to, if any. */
export function batchActionForKey(actions: readonly Action[], input: KeyInput): Action | undefined {
  return actions.find((a) => BATCH_EDIT_ACTIONS.includes(a.id) && a.keys.some((k) => matchesKey(parseKeySpec(k), input)));
}

/** What running an edit on one frame's document gave: the new document (or the same), and its message. */
export interface BatchActionOutcome {
  change: ((doc: FrameAnnotation) => FrameAnnotation) | null;
  message: { text: string; level: MessageLevel } | null;
  /** False when the action's predicate refused (no box of the track in that frame). */
  ran: boolean;
}

/**
 * Runs an editor action on frame `doc` with box `boxId` selected, in a scratch store of its own,
 * so that the action's math applies to that frame's document and nothing else: the open frame's
 * store, selection and undo history are untouched. `services` are the ones the action may call
 * (a refit fits in `doc`'s frame). Returns the action's document change (applied by the caller to
 * the right frame) and the message it showed.
 */
export async function runBatchAction(
  action: Action,
  doc: FrameAnnotation,
  boxId: string,
  base: Omit<ActionContext, 'store' | 'input' | 'value'>,
  input?: KeyInput,
): Promise<BatchActionOutcome> {
  const store = createAppStore();
  store.getState().loadDoc(doc);
  store.getState().select([boxId]);
  if (action.predicate && !action.predicate(store.getState())) return { change: null, message: null, ran: false };
  const result = await action.perform({ ...base, store, input });
  const msg = store.getState().ui.message;
  return {
    change: result?.docChange ?? null,
    message: msg ? { text: msg.text, level: msg.level } : null,
    ran: true,
  };
}

/**
 * Applies `change` to the open frame's document in `store`: one undo step, or with `join` part of
 * the last one (zundo's history paused while it applies, as the action registry does for a key
 * held down). False when nothing changed or the frame is locked.
 */
export function applyToOpenFrame(store: AppStore, change: (doc: FrameAnnotation) => FrameAnnotation, join: boolean): boolean {
  const history = store.temporal.getState();
  const paused = join && history.pastStates.length > 0;
  if (paused) history.pause();
  try {
    return store.getState().applyDocChange(change);
  } finally {
    if (paused) history.resume();
  }
}

/** Undoes or redoes the open frame's last step in `store`; false when there was none. */
export function stepOpenFrame(store: AppStore, step: 'undo' | 'redo'): boolean {
  const history = store.temporal.getState();
  const had = (step === 'undo' ? history.pastStates : history.futureStates).length > 0;
  history[step]();
  return had;
}
