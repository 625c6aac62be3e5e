import type { StateCreator } from 'zustand';
import type { CheckResult } from '../../domain/checks/CheckResult.ts';
import type { ReviewInfo } from '../../domain/api/wireTypes.ts';
import type { AnnotationDiff } from '../../domain/review/diffAnnotations.ts';
import type { AppState } from '../AppState.ts';

/** The review side of the open frame (status, flags, diff), as the server last answered. */
export interface ReviewState {
  frameId: string | null;
  info: ReviewInfo | null;
  /** The step in flight (`submit`, `accept`, `flag`, ...), or null. */
  busy: string | null;
  /** The last failure, in words. */
  error: string | null;
  /** Check errors of a refused submit: each needs a reason before submitting again. */
  pendingErrors: CheckResult[] | null;
  diff: (AnnotationDiff & { frameId: string }) | null;
  /** The revisions the diff compares (absent = the server's defaults). */
  diffRange: { from?: number; to?: number };
  /** Where `Shift+F` put a missed-object flag (LiDAR frame, metres) and in which frame: the flag form takes it once. */
  flagAt: { frameId: string; at: [number, number, number] } | null;
}

/**
 * Review state of the open frame. The edge-case dictionary the flag reasons come from is the
 * checks slice's `dictionary` (one copy: a lead's rule edit shows in the flag form at once).
 */
export interface ReviewSlice {
  review: ReviewState;
  setReview: (patch: Partial<ReviewState>) => void;
}

export const initialReview: ReviewState = {
  frameId: null,
  info: null,
  busy: null,
  error: null,
  pendingErrors: null,
  diff: null,
  diffRange: {},
  flagAt: null,
};

export const createReviewSlice: StateCreator<AppState, [], [], ReviewSlice> = (set) => ({
  review: initialReview,
  setReview: (patch) => set((s) => ({ review: { ...s.review, ...patch } })),
});

/** The open frame's review info (null while another frame's answer is still shown). */
export const selectReviewInfo = (s: AppState): ReviewInfo | null =>
  s.review.info !== null && s.review.info.frameId === s.currentFrameId ? s.review.info : null;
