/**
 * Types of the annotator-ROI metrics computed from the activity log (`computeMetrics`).
 * Times are milliseconds; days are UTC calendar days `YYYY-MM-DD`; ratios are null when their
 * denominator is zero.
 */

/** One activity-log entry as the metrics read it (the server's `ActivityEntry` fits). */
export interface MetricsEvent {
  /** ISO 8601 instant. */
  at: string;
  user: string | null;
  /** `save`, `import`, `submit`, `accept`, `reject`, `flag_add`, `flag_update`, `login`, ... */
  action: string;
  frameId: string | null;
  detail: Record<string, unknown>;
}

/** The metrics of one user over the range (or one day of it). */
export interface MetricsRow {
  user: string;
  /** Active time: gaps between the user's consecutive events up to the idle limit, ms. */
  activeMs: number;
  /** Distinct frames the user acted on. */
  frames: number;
  activeMsPerFrame: number | null;
  /** Boxes the user's saves added, drawn by hand or by fit (imports excluded). */
  boxesCreated: number;
  boxesFit: number;
  boxesManual: number;
  /** boxesFit / boxesCreated. */
  fitShare: number | null;
  activeMsPerBox: number | null;
  boxesPerHour: number | null;
  /** Existing boxes the user's saves changed (moved, resized, turned, relabelled: correction of pre-labels counts here). */
  boxesChanged: number;
  /** Existing boxes the user's saves removed. */
  boxesRemoved: number;
  submits: number;
  /** Boxes in the frames the user submitted, counted at each submit (what the reviewers looked at). */
  boxesSubmitted: number;
  /** Check errors overridden with a reason at submit (check failures at submit). */
  checkOverrides: number;
  submitsWithOverrides: number;
  /** Review flags raised on frames assigned to this user (as annotator). */
  flagsReceived: number;
  /** flagsReceived per 100 boxesSubmitted: the rework rate per reviewed box. */
  flagsPer100Boxes: number | null;
  /** Rejections of frames assigned to this user (as annotator). */
  framesRejected: number;
  /** framesRejected / submits. */
  rejectRate: number | null;
  /** As reviewer: verdicts given and flags raised. */
  accepts: number;
  rejects: number;
  flagsRaised: number;
  /** As reviewer: time from the frame's latest submit to this user's verdict, ms. */
  turnaroundMeanMs: number | null;
  turnaroundMedianMs: number | null;
}

export interface DailyMetricsRow extends MetricsRow {
  day: string;
}

/** Active time and boxes of one user on one frame. */
export interface FrameMetricsRow {
  frameId: string;
  user: string;
  activeMs: number;
  boxesCreated: number;
  saves: number;
}

export interface MetricsReport {
  /** The range as given (ISO instants), null = open. */
  from: string | null;
  to: string | null;
  /** Gaps longer than this between a user's events are idle time, ms. */
  idleGapMs: number;
  /** One row per user, sorted by name. */
  users: MetricsRow[];
  /** One row per user and day, sorted by day then user. */
  daily: DailyMetricsRow[];
  /** One row per frame and user, sorted by frame then user. */
  frames: FrameMetricsRow[];
  /** Every row above summed (ratios recomputed), user `*`. */
  total: MetricsRow;
}

export interface MetricsOptions {
  /** Only events at or after this ISO instant count (earlier ones still give context, e.g. a submit time). */
  from?: string;
  /** Only events at or before this ISO instant. */
  to?: string;
  /** Only rows of this user (attributions from other users' events still count). */
  user?: string;
  /** Default `DEFAULT_IDLE_GAP_MS`. */
  idleGapMs?: number;
}

/**
 * A gap between two events of the same user longer than this (5 minutes) is idle time and
 * excluded. The autosave logs a save within seconds of every edit, so real work never leaves such
 * a gap; a coffee break or a night does.
 */
export const DEFAULT_IDLE_GAP_MS = 5 * 60_000;
