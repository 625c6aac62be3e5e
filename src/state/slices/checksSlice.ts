import type { StateCreator } from 'zustand';
import { classesForDictionary } from './classSlice.ts';
import type { AppState } from '../AppState.ts';
import type { CheckResult } from '../../domain/checks/CheckResult.ts';
import type { EdgeCaseDictionary } from '../../domain/checks/dictionary/EdgeCaseDictionary.ts';
import { defaultDictionary } from '../../domain/checks/dictionary/defaultDictionary.ts';

export interface ChecksState {
  /** Frame the results belong to. */
  frameId: string | null;
  results: CheckResult[];
  status: 'idle' | 'preparing' | 'running' | 'done' | 'error';
  error: string | null;
  /** Milliseconds the last run took in the worker. */
  ms: number | null;
  /**
   * Why the frame's calib could not be used (the server's message: file, line, field), or null.
   * The checks then ran without the camera: missed objects searched all around the sensor.
   */
  calibProblem: string | null;
}

/**
 * The missed-object finding the user is looking at: the one `N` just boxed, or whose pin or
 * checks row was clicked. `X` ("not an object") acts on it. LiDAR frame, metres.
 */
export interface FocusedFinding {
  frameId: string;
  location: [number, number, number];
  /** The class the checks suggested for it. */
  suggestedLabel?: string;
  /** BEV radius of its cluster, metres, when the checks said. */
  radius?: number;
  /** The box `N` made on it: "not an object" removes that box too, while it is still selected. */
  boxId?: string;
}

/** A frame's check counts in the frame list; `unreadable` when its points could not be read. */
export interface FrameCheckCounts {
  error: number;
  warning: number;
  unreadable?: string;
}

export interface ChecksSlice {
  checks: ChecksState;
  focusedFinding: FocusedFinding | null;
  focusFinding: (finding: FocusedFinding | null) => void;
  /**
   * Errors and warnings per frame from the runs of this session (the frame list shows them), or
   * why the frame's points could not be checked (`unreadable`: the file and the reason).
   */
  checkSummary: Record<string, FrameCheckCounts>;
  /** The team's edge-case dictionary (the SOP) in force. */
  dictionary: EdgeCaseDictionary;
  /** Whether the SOP panel is open, and the entry it shows. */
  sop: { open: boolean; entry: string | null; query: string };
  setChecks: (patch: Partial<ChecksState>) => void;
  setCheckSummary: (frameId: string, summary: FrameCheckCounts) => void;
  /** Drops a frame's summary (it was saved from elsewhere, e.g. by propagation): the navigator asks again. */
  forgetCheckSummary: (frameId: string) => void;
  setDictionary: (dictionary: EdgeCaseDictionary) => void;
  openSop: (entry: string | null) => void;
  closeSop: () => void;
  setSopQuery: (query: string) => void;
}

export const createChecksSlice: StateCreator<AppState, [], [], ChecksSlice> = (set) => ({
  checks: { frameId: null, results: [], status: 'idle', error: null, ms: null, calibProblem: null },
  focusedFinding: null,
  focusFinding: (focusedFinding) => set({ focusedFinding }),
  checkSummary: {},
  dictionary: defaultDictionary,
  sop: { open: false, entry: null, query: '' },
  setChecks: (patch) => set((s) => ({ checks: { ...s.checks, ...patch } })),
  setCheckSummary: (frameId, summary) => set((s) => ({ checkSummary: { ...s.checkSummary, [frameId]: summary } })),
  forgetCheckSummary: (frameId) =>
    set((s) => {
      if (!(frameId in s.checkSummary)) return {};
      const { [frameId]: _gone, ...rest } = s.checkSummary;
      return { checkSummary: rest };
    }),
  // The team's classes are the palette's (number keys, the box panel's class list, new boxes' sizes).
  setDictionary: (dictionary) => set((s) => ({ dictionary, classes: classesForDictionary(dictionary, s.classes) })),
  openSop: (entry) => set((s) => ({ sop: { ...s.sop, open: true, entry } })),
  closeSop: () => set((s) => ({ sop: { ...s.sop, open: false } })),
  setSopQuery: (query) => set((s) => ({ sop: { ...s.sop, query } })),
});
