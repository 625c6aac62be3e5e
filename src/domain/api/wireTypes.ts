import type { FrameStatus } from '../document/FrameAnnotation.ts';
import type { Cuboid } from '../types.ts';
import type { BinLayoutChoice } from '../pointcloud/BinLayoutChoice.ts';

/**
 * Shapes the server sends and the browser client reads, defined once for both sides
 * (`src/server/routes` produce them, `src/io/apiClient.ts` consumes them).
 */

/** `GET /api/dataset`: what is being served. */
export interface DatasetInfo {
  /** The dataset folder's name. */
  name: string;
  /** A stable id of the dataset (a digest of its path; reveals nothing). */
  id: string;
  /** The dataset folder's absolute server path: sent to a lead only. */
  root?: string;
  layout: 'kitti' | 'flat' | 'kitti-tracking' | 'nuscenes';
  frameCount: number;
  /** Where labels and the database go: absolute for a lead, else relative to the dataset (or just a name). */
  labelsDir: string;
  stateDir: string;
  /** Skipped files, dataset-file notes, and any `.bin` layout picked by detection among several that fit. */
  warnings: readonly string[];
  /**
   * How the dataset's raw `.bin` point files are read: each distinct layout choice and how many
   * frames use it (most first); empty for a dataset of `.pcd` files.
   */
  binLayouts: (BinLayoutChoice & { frames: number })[];
}

/** One line of the activity log (who did what, when); `detail` is free-form JSON. */
export interface ActivityEntry {
  id: number;
  at: string;
  user: string | null;
  action: string;
  frameId: string | null;
  revision: number | null;
  detail: Record<string, unknown>;
}

/** One step of a frame's review history (a submit's `detail.overrides` hold the reasons given). */
export interface ReviewStep {
  at: string;
  user: string | null;
  action: string;
  revision: number | null;
  detail: Record<string, unknown>;
}

/** `GET /api/frames/:id/review`: the frame's review state and what the caller may do now. */
export interface ReviewInfo {
  frameId: string;
  revision: number;
  status: FrameStatus;
  annotator: string | null;
  reviewer: string | null;
  flags: { open: number; resolved: number; closed: number };
  /** Revisions created by submits, oldest first. */
  submittedRevisions: number[];
  /** The revision created by the latest accept (null unless accepted). */
  acceptedRevision: number | null;
  /** The revision that imported the frame's shipped labels or pre-labels (null: none), for a "since import" diff. */
  importedRevision: number | null;
  /** Review steps (submit with its overrides, verdicts, flags, assignments), oldest first. */
  history: ReviewStep[];
  /**
   * The steps open to the caller now (role, assignment, status and flags considered). `submit` is
   * false while a flag is open; `reopen`: the caller is a lead and the frame is accepted (reopening
   * is a reject, so it needs an open flag: `reject` says whether it can happen now).
   */
  can: { edit: boolean; submit: boolean; accept: boolean; reject: boolean; reopen: boolean; flag: boolean; resolveFlags: boolean; closeFlags: boolean };
}

/**
 * `GET /api/frames/:id/checks`: how many single-frame check results a frame's current revision
 * has, as the server computes them with the same rules as the checks worker (sequence rules
 * excluded). `skipped` says why a frame was not checked (too large for a background check).
 */
export interface FrameCheckSummary {
  frameId: string;
  revision: number;
  dictionaryVersion: number;
  error: number;
  warning: number;
  info: number;
  skipped?: string;
  /**
   * A signature of where the frames around expect the frame's tracks (`TrackWindows`), when it has
   * any: the summary holds while it is the same (a track saved in a frame around changes it).
   */
  tracks?: string;
  /** A signature of the frames around and their revisions when it was computed: the frame list shows it while they are the same. */
  around?: string;
}

/** One frame of `GET /api/tracks`: its saved boxes that belong to a track (boxes without a track id are left out). */
export interface TrackFrame {
  frameId: string;
  revision: number;
  cuboids: Cuboid[];
}
