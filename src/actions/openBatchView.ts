import { windowStartAround } from '../domain/sequence/batchWindow.ts';
import type { AppState } from '../state/AppState.ts';
import { selectPrimaryCuboid } from '../state/selectors.ts';
import type { Action } from './Action.ts';

/**
 * The track the batch view opens on: `value.trackId`, else the selected box's, else (nothing
 * selected) the tracks panel's pick. A selected box without a track opens none: the panel's
 * track would be another object's, and edits there would move it.
 */
function trackFor(state: AppState, value?: unknown): string | null {
  const asked = (value as { trackId?: unknown } | undefined)?.trackId;
  if (typeof asked === 'string') return asked;
  const box = selectPrimaryCuboid(state);
  return box !== undefined && box !== null ? box.trackId : state.tracks.selectedTrackId;
}

/** Predicate: a frame of the frame list is open (without a track to show, Shift+B says so). */
function canOpenBatch(state: AppState): boolean {
  const doc = state.doc;
  return doc !== null && state.frames.some((f) => f.id === doc.frameId);
}

/**
 * Shift+B: the batch view of the selected box's track (or the track picked in the tracks panel;
 * a panel passes `{ trackId }`): the frames around the open one side by side (`batch.size`, 8 by
 * default), each with a top and a side close-up of the track's box, the open frame's tile focused.
 * Shift+B or Esc closes it.
 */
export const openBatchView: Action = {
  id: 'openBatchView',
  label: "Batch view of the selected box's track",
  keys: ['shift+b'],
  group: 'frames',
  predicate: canOpenBatch,
  perform: (ctx) => {
    const state = ctx.store.getState();
    const trackId = trackFor(state, ctx.value);
    const frameId = state.doc?.frameId;
    const index = state.frames.findIndex((f) => f.id === frameId);
    if (trackId === null) {
      const box = selectPrimaryCuboid(state);
      state.showMessage(
        box === undefined || box === null
          ? 'Select a box with a track (or pick a track in the tracks panel) to see it across frames'
          : 'The selected box has no track: give it one (Shift+C carries it to the next frame) to see it across frames',
        'warning',
      );
      return;
    }
    if (index < 0) return;
    const start = windowStartAround(state.frames.length, index, state.batch.size);
    state.openBatch(trackId, start, index - start);
  },
};
