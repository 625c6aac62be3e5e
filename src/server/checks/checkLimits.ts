import { MAX_ITEMS_PER_FRAME } from '../../domain/document/validateAnnotation.ts';

/** What one server-side check of a frame may use before it is refused. */
export interface CheckLimits {
  /** Wall time of one check (queue wait included), milliseconds. Default 60 s. */
  timeMs: number;
  /** Most points of a checked frame. Default 10 M (a 5 M-point frame takes ~5 s and ~0.6 GB). */
  maxPoints: number;
  /** Most boxes (or DontCare regions) of a checked frame: the save limit, 10,000. */
  maxBoxes: number;
}

export const DEFAULT_CHECK_LIMITS: CheckLimits = {
  timeMs: 60_000,
  maxPoints: 10_000_000,
  maxBoxes: MAX_ITEMS_PER_FRAME,
};

/** The size part of the limits, checked inside the worker once the frame is read. */
export type CheckSizeLimits = Pick<CheckLimits, 'maxPoints' | 'maxBoxes'>;

/** `12.5 s`, `60 s`, `250 ms`: a time limit as people read it. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`;
}
