import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';
import type { CloudBounds } from '../../domain/pointcloud/robustBounds.ts';

/** A field of the point file, as the worker reports it. */
export interface FieldInfo {
  name: string;
  type: string;
  count: number;
}

export interface LoadState {
  frameId: string | null;
  status: 'idle' | 'loading' | 'done' | 'error';
  bytesLoaded: number;
  bytesTotal: number;
  pointsLoaded: number;
  totalPoints: number;
  /** Finite points in the render buffer. */
  renderCount: number;
  fields: FieldInfo[];
  ranges: Record<string, [number, number]>;
  /** Where most points lie (1%–99% per axis, LiDAR frame), once the frame is complete. */
  bounds: CloudBounds | null;
  error: string | null;
  /**
   * Why the open frame's labels could not be read (a malformed label file: the server names the
   * file and line), or null. The points may still show; no document is open, so nothing is edited
   * or saved for that frame until it reads.
   */
  labelsError: string | null;
  /** Which file `labelsError` is about: the label file, or the calib its boxes are placed with. */
  labelsErrorFile: 'label' | 'calib';
  /** How the file was read when that deserves a look (a `.bin` layout picked by detection), else null. */
  notice: string | null;
  firstBatchMs: number | null;
  totalMs: number | null;
}

export interface LoadSlice {
  load: LoadState;
  setLoad: (patch: Partial<LoadState>) => void;
}

export const initialLoad: LoadState = {
  frameId: null,
  status: 'idle',
  bytesLoaded: 0,
  bytesTotal: 0,
  pointsLoaded: 0,
  totalPoints: 0,
  renderCount: 0,
  fields: [],
  ranges: {},
  bounds: null,
  error: null,
  labelsError: null,
  labelsErrorFile: 'label',
  notice: null,
  firstBatchMs: null,
  totalMs: null,
};

export const createLoadSlice: StateCreator<AppState, [], [], LoadSlice> = (set) => ({
  load: initialLoad,
  setLoad: (patch) => set((s) => ({ load: { ...s.load, ...patch } })),
});
