import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';
import type { FrameAnnotation } from '../../domain/document/FrameAnnotation.ts';
import type { ApiFailure } from '../../domain/api/ApiFailure.ts';

/**
 * `saved`: the server has what the store has. `dirty`: local changes not yet sent (they are in
 * the local journal). `saving`: a save is in flight. `conflict`: the server has a newer revision;
 * nothing is overwritten until the user picks a side. `error`: the last save failed (will retry).
 */
export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

export interface SaveState {
  status: SaveStatus;
  /** Revision of the open frame the server last confirmed (the base of the next save). */
  lastSavedRevision: number | null;
  /**
   * Both versions while `status` is 'conflict': `mine` is the local document, `theirs` the server's,
   * `boxes` the ids both sides changed differently (edits to different boxes are merged, not asked).
   */
  conflict: { mine: FrameAnnotation; theirs: FrameAnnotation; boxes?: string[] } | null;
  /** Why the last save failed, typed (see `domain/api/ApiFailure.ts`); null after a success. */
  error: ApiFailure | null;
  /** Clock time (ms) of the last successful save. */
  lastSavedAt: number | null;
}

export interface SaveSlice {
  save: SaveState;
  /** Written by the autosave (`io/autosave.ts`) only. */
  setSave: (patch: Partial<SaveState>) => void;
}

export const initialSave: SaveState = { status: 'saved', lastSavedRevision: null, conflict: null, error: null, lastSavedAt: null };

export const createSaveSlice: StateCreator<AppState, [], [], SaveSlice> = (set) => ({
  save: initialSave,
  setSave: (patch) => set((s) => ({ save: { ...s.save, ...patch } })),
});
