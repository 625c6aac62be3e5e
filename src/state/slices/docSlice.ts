import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';
import type { FrameAnnotation } from '../../domain/document/FrameAnnotation.ts';
import { noteTrackIds } from '../../domain/document/cuboidOps.ts';
import { visibilityForDoc } from './visibilitySlice.ts';

/**
 * The annotation document of the open frame: the only part of the store the undo history tracks
 * (see `createAppStore`). Edits go through `applyDocChange` with an immutable op from
 * `domain/document/cuboidOps.ts`; each call that changes the document is one undo step.
 */
export interface DocSlice {
  doc: FrameAnnotation | null;
  /**
   * Incremented by every `loadDoc`. A subscriber that sees `doc` change tells a load (new frame,
   * server copy, conflict resolution) from a user edit by comparing this counter.
   */
  docLoadCount: number;
  /**
   * Replaces the document without an undo step and clears the history (undo never crosses a
   * load). Clears drafts and hover, and drops selected ids the new document does not hold.
   */
  loadDoc: (doc: FrameAnnotation | null) => void;
  /**
   * Applies `fn` to the current document. Returns false (and records nothing) when there is no
   * document or `fn` returns the same object; otherwise one undo step.
   */
  applyDocChange: (fn: (doc: FrameAnnotation) => FrameAnnotation) => boolean;
  /**
   * Why the open frame's boxes may not be changed now (submitted and waiting for review, accepted,
   * or the user is a reviewer), or null. While set, `applyDocChange` refuses every change and says
   * why, so nothing is edited that the server would refuse to save.
   */
  editLock: string | null;
  setEditLock: (reason: string | null) => void;
  /**
   * What to tell the user at the first change of a frame they may edit only by their role (a lead
   * changing an accepted or submitted frame: the change is not reviewed), or null. Shown once,
   * with the change, then cleared.
   */
  editNotice: string | null;
  setEditNotice: (notice: string | null) => void;
}

/** `clearHistory` is the temporal store's `clear`, passed in by `createAppStore`. */
export function createDocSlice(clearHistory: () => void): StateCreator<AppState, [], [], DocSlice> {
  return (set, get) => ({
    doc: null,
    docLoadCount: 0,
    loadDoc: (doc) => {
      const ids = new Set(doc?.cuboids.map((c) => c.id) ?? []);
      // The frame left keeps its tracks (saved): new tracks elsewhere number past them too.
      noteTrackIds([...(get().doc?.cuboids ?? []), ...(doc?.cuboids ?? [])].map((c) => c.trackId));
      set((s) => ({
        doc,
        docLoadCount: s.docLoadCount + 1,
        visibility: visibilityForDoc(s.visibility, doc?.cuboids ?? []),
        selectedIds: s.selectedIds.filter((id) => ids.has(id)),
        hoveredId: null,
        interaction: { ...s.interaction, drafts: [] },
      }));
      clearHistory();
    },
    editLock: null,
    setEditLock: (editLock) => set({ editLock }),
    editNotice: null,
    setEditNotice: (editNotice) => set({ editNotice }),
    applyDocChange: (fn) => {
      const doc = get().doc;
      if (doc === null) return false;
      const lock = get().editLock;
      if (lock !== null) {
        get().showMessage(lock, 'warning');
        return false;
      }
      const next = fn(doc);
      if (next === doc) return false;
      set({ doc: next });
      const notice = get().editNotice;
      if (notice !== null) {
        set({ editNotice: null });
        get().showMessage(notice, 'warning');
      }
      return true;
    },
  });
}
