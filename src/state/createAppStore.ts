import { createStore } from 'zustand/vanilla';
import { temporal } from 'zundo';
import type { AppState, HistoryState } from './AppState.ts';
import { createFramesSlice } from './slices/framesSlice.ts';
import { createLoadSlice } from './slices/loadSlice.ts';
import { createViewSlice } from './slices/viewSlice.ts';
import { createDocSlice } from './slices/docSlice.ts';
import { createSelectionSlice } from './slices/selectionSlice.ts';
import { createInteractionSlice } from './slices/interactionSlice.ts';
import { createToolSlice } from './slices/toolSlice.ts';
import { createClassSlice, type ClassConfig } from './slices/classSlice.ts';
import { createSaveSlice } from './slices/saveSlice.ts';
import { createUiSlice } from './slices/uiSlice.ts';
import { createChecksSlice } from './slices/checksSlice.ts';
import { createTracksSlice } from './slices/tracksSlice.ts';
import { createSequenceSlice } from './slices/sequenceSlice.ts';
import { createReviewSlice } from './slices/reviewSlice.ts';
import { createSessionSlice } from './slices/sessionSlice.ts';
import { createMergeSlice } from './slices/mergeSlice.ts';
import { createVisibilitySlice } from './slices/visibilitySlice.ts';
import { createBatchSlice } from './slices/batchSlice.ts';

/** Most undo steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

export interface CreateAppStoreOptions {
  /** Class palette and sizes (default: the KITTI classes). */
  classes?: ClassConfig;
}

/**
 * Builds a fresh vanilla store (one per page; tests build their own).
 *
 * Undo: zundo's `temporal` wraps the combined store and records `doc` only (`partialize`);
 * selection, hover, drafts, tool state, camera/view, save status and messages are never in the
 * history. A snapshot is taken only when `doc` changes by identity (`equality`), so setting
 * any other slice records nothing, and `applyDocChange` with a no-op records nothing. A drag writes
 * drafts (interaction slice) while it moves and commits once on pointer up: one undo step.
 * Undo/redo: `store.temporal.getState().undo()` / `.redo()` (or the `undo`/`redo` actions).
 *
 * Frame switches: the history is cleared on every `loadDoc` (opening a frame, taking the server's
 * version in a conflict). Undo is per frame visit: it never reaches into a frame that is no longer
 * on screen, which would otherwise change a document the annotator cannot see and that the
 * autosave has already sent. The cost is that returning to a frame starts with an empty history;
 * its saved revisions remain on the server.
 */
export function createAppStore(options: CreateAppStoreOptions = {}) {
  // The temporal store exists only once the store is built; loadDoc calls this after that.
  let clearHistory = (): void => undefined;
  const store = createStore<AppState>()(
    temporal(
      (set, get, store) => ({
        ...createFramesSlice(set, get, store),
        ...createLoadSlice(set, get, store),
        ...createViewSlice(set, get, store),
        ...createDocSlice(() => clearHistory())(set, get, store),
        ...createSelectionSlice(set, get, store),
        ...createInteractionSlice(set, get, store),
        ...createToolSlice(set, get, store),
        ...createClassSlice(options.classes)(set, get, store),
        ...createSaveSlice(set, get, store),
        ...createUiSlice(set, get, store),
        ...createChecksSlice(set, get, store),
        ...createTracksSlice(set, get, store),
        ...createSequenceSlice(set, get, store),
        ...createReviewSlice(set, get, store),
        ...createSessionSlice(set, get, store),
        ...createMergeSlice(set, get, store),
        ...createVisibilitySlice(set, get, store),
        ...createBatchSlice(set, get, store),
      }),
      {
        partialize: (state): HistoryState => ({ doc: state.doc }),
        equality: (past, current) => past.doc === current.doc,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  clearHistory = () => store.temporal.getState().clear();
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
