import { windowStartAround } from '../domain/sequence/batchWindow.ts';
import type { AppState } from '../state/AppState.ts';
import { selectPrimaryCuboid } from '../state/selectors.ts';
import type { Action } from './Action.ts';

/** Predicate: the selected box has a track and the open frame is in the frame list. */
function canOpenBatch(state: AppState): boolean {
  const box = selectPrimaryCuboid(state);
  const doc = state.doc;
  return box !== null && box.trackId !== null && doc !== null && state.frames.some((f) => f.id === doc.frameId);
}

/**
 * Shift+B: the batch view of the selected box's track: the frames around the open one side by
 * side (`batch.size`, 8 by default), each with a top and a side close-up of the track's box, the
 * open frame's tile focused. Shift+B or Esc closes it.
 */
export const openBatchView: Action = {
  id: 'openBatchView',
  label: "Batch view of the selected box's track",
  keys: ['shift+b'],
  group: 'frames',
  predicate: canOpenBatch,
  perform: (ctx) => {
    const state = ctx.store.getState();
    const box = selectPrimaryCuboid(state);
    const frameId = state.doc?.frameId;
    const index = state.frames.findIndex((f) => f.id === frameId);
    if (!box?.trackId || index < 0) return;
    const start = windowStartAround(state.frames.length, index, state.batch.size);
    state.openBatch(box.trackId, start, index - start);
  },
};
