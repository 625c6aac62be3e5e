import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';

/** Most sweeps merged on each side of the open frame. */
export const MAX_MERGE_SWEEPS = 25;

/** Multi-sweep accumulation: the setting and the state of the merged cloud on screen. */
export interface MergeSlice {
  merge: {
    /** Sweeps merged before and after the open frame (0: off). */
    sweeps: number;
    /** Colour the merged points by the time of their sweep. */
    colorByTime: boolean;
    status: 'off' | 'loading' | 'ready' | 'unavailable' | 'error';
    /** The merged cloud's key in `io/mergedClouds` (null: none). */
    key: string | null;
    /**
     * The last merged cloud, kept on screen while the next merge (another frame, sweep count or
     * budget) has sent nothing yet: its key and the transform (row-major 4×4) from the LiDAR frame
     * it was merged in into the open frame's, so static objects stay put. Null once the next
     * merge's first points arrive, it fails, or the merge is turned off.
     */
    stale: { key: string; matrix: number[] } | null;
    /**
     * The merge (`key`) is drawn: its first points are on the GPU and it replaced what was on
     * screen (the open frame's sweep, or `stale`). Until then the view keeps that.
     */
    onScreen: boolean;
    /** Sweeps in the merge and those fetched so far; points in it (once known). */
    sweepCount: number;
    sweepsDone: number;
    points: number;
    /** Points drawn now (the LOD refines up to the point budget). */
    drawn: number;
    /** Time span of the merge in sweeps from the open frame: [earliest, latest]. */
    timeRange: [number, number];
    /** Why there is no merge (no poses, an error), for the view panel. */
    message: string | null;
    /** ms from the request to the first merged points drawn, and to the budget reached. */
    firstViewMs: number | null;
    fullDetailMs: number | null;
    /** `performance.now()` of the request (the views time the first view and full detail from it). */
    requestedAt: number | null;
    /** The server's time reading, moving and ranking the sweeps, and ordering them (ms). */
    gatherMs: number | null;
    orderMs: number | null;
    /** The page's merge worker's time from the request to its first batch decoded (ms). */
    firstBatchMs: number | null;
    /** Whether the server answered the merge from its cache of recent merges (null before it is done). */
    cached: boolean | null;
    /** Whether the server had begun the merge ahead and the page followed it (null before it is done). */
    joined: boolean | null;
    /**
     * Where the main view looks closely (its orbit target, BEV, and a radius from its distance),
     * when it is close enough for the merge's detail past the budget; null otherwise.
     */
    focus: { x: number; y: number; radius: number } | null;
    /**
     * Every merged point around `focus` (`mergeDetail`): its cloud's key in `io/mergedClouds`,
     * drawn over the budgeted merge, the disc it covers and its points. Null: none.
     */
    detail: { key: string; x: number; y: number; radius: number; points: number; status: 'loading' | 'ready' | 'error'; message?: string } | null;
  };
  setMergeSweeps: (n: number) => void;
  setMergeColorByTime: (on: boolean) => void;
  patchMerge: (patch: Partial<MergeSlice['merge']>) => void;
}

export const createMergeSlice: StateCreator<AppState, [], [], MergeSlice> = (set) => ({
  merge: {
    sweeps: 0,
    colorByTime: false,
    status: 'off',
    key: null,
    stale: null,
    onScreen: false,
    sweepCount: 0,
    sweepsDone: 0,
    points: 0,
    drawn: 0,
    timeRange: [0, 0],
    message: null,
    firstViewMs: null,
    fullDetailMs: null,
    requestedAt: null,
    gatherMs: null,
    orderMs: null,
    firstBatchMs: null,
    cached: null,
    joined: null,
    focus: null,
    detail: null,
  },
  setMergeSweeps: (n) =>
    set((s) => ({ merge: { ...s.merge, sweeps: Number.isFinite(n) ? Math.min(MAX_MERGE_SWEEPS, Math.max(0, Math.round(n))) : s.merge.sweeps } })),
  setMergeColorByTime: (colorByTime) => set((s) => ({ merge: { ...s.merge, colorByTime } })),
  patchMerge: (patch) => set((s) => ({ merge: { ...s.merge, ...patch } })),
});
