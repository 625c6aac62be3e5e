import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';
import type { FrameAnnotation } from '../../domain/document/FrameAnnotation.ts';
import { DEFAULT_BATCH_SIZE, clampBatchSize } from '../../domain/sequence/batchWindow.ts';

/**
 * One frame of the batch view other than the open one, as its saver reports it
 * (`io/batchDocs.ts`, same shape): `doc` is the frame's document as edited there.
 */
export interface BatchTileState {
  status: 'loading' | 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';
  doc: FrameAnnotation | null;
  /** The server revision the next save names as its base. */
  revision: number | null;
  error: string | null;
  /** Boxes both this page and someone else changed differently (status `conflict`). */
  conflictBoxes: string[];
}

/**
 * The batch view of one track: a window of frames side by side with a top and a side close-up of
 * the track's box in each. The open frame's tile shows `doc` and `save`; the others' documents and
 * save state are in `tiles` (plain data; their points are kept outside the store).
 */
export interface BatchSlice {
  batch: {
    open: boolean;
    trackId: string | null;
    /** Index into `frames` of the first frame shown. */
    start: number;
    /** Frames shown at once. */
    size: number;
    /** Position of the focused tile in the window (0 = the first frame shown). */
    focus: number;
    tiles: Record<string, BatchTileState>;
    /** Set while the view waits for its saves before closing. */
    closing: boolean;
  };
  openBatch: (trackId: string, start: number, focus: number) => void;
  /** Closes the view and forgets the other frames' documents. */
  closeBatch: () => void;
  setBatchClosing: (closing: boolean) => void;
  setBatchWindow: (start: number, focus: number) => void;
  setBatchFocus: (focus: number) => void;
  setBatchSize: (size: number) => void;
  setBatchTile: (frameId: string, tile: BatchTileState) => void;
}

export const createBatchSlice: StateCreator<AppState, [], [], BatchSlice> = (set) => ({
  batch: { open: false, trackId: null, start: 0, size: DEFAULT_BATCH_SIZE, focus: 0, tiles: {}, closing: false },
  openBatch: (trackId, start, focus) => set((s) => ({ batch: { ...s.batch, open: true, trackId, start, focus, tiles: {}, closing: false } })),
  closeBatch: () => set((s) => ({ batch: { ...s.batch, open: false, trackId: null, tiles: {}, closing: false } })),
  setBatchClosing: (closing) => set((s) => ({ batch: { ...s.batch, closing } })),
  setBatchWindow: (start, focus) => set((s) => ({ batch: { ...s.batch, start: Math.max(0, Math.floor(start)), focus: Math.max(0, Math.floor(focus)) } })),
  setBatchFocus: (focus) => set((s) => ({ batch: { ...s.batch, focus: Math.max(0, Math.floor(focus)) } })),
  setBatchSize: (size) => set((s) => ({ batch: { ...s.batch, size: clampBatchSize(size) } })),
  setBatchTile: (frameId, tile) => set((s) => ({ batch: { ...s.batch, tiles: { ...s.batch.tiles, [frameId]: tile } } })),
});
