import type { RevisionInfo } from '../../domain/api/replySchemas.ts';
import type { FrameAnnotation, FrameStatus } from '../../domain/document/FrameAnnotation.ts';
import type { UserStore } from './UserStore.ts';
import type { ActivityEntry } from '../../domain/api/wireTypes.ts';
import type { SharedLock } from '../FrameLocks.ts';
import type { CheckSummaryStore } from './CheckSummaryStore.ts';

export type { ActivityEntry };

/**
 * What kind of change produced a revision: a box edit, an import, or a review step (submit,
 * accept, reject, a flag); also the default activity-log action for it.
 */
export type RevisionSource = 'save' | 'import' | 'review';

/** Who a frame belongs to in the review loop (user names; null = not yet). */
export interface Assignment {
  frameId: string;
  /** The annotator a rejected frame goes back to. */
  annotator: string | null;
  /** The reviewer a resubmitted frame goes back to. */
  reviewer: string | null;
}

/** Fields to set in an assignment; absent fields keep their value. */
export type AssignmentPatch = Partial<Pick<Assignment, 'annotator' | 'reviewer'>>;

/** The stored state of one frame's annotation, without the document body. */
export interface FrameState {
  frameId: string;
  revision: number;
  status: FrameStatus;
  boxCount: number;
  /** Review flags still open on a frame sent back (`rejected`); 0 otherwise. */
  openFlags: number;
  /** True while `label_2/ID.txt` may not match the current revision (write pending or failed). */
  labelDirty: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

/** One entry of a frame's revision history (the `GET /api/frames/:id/revisions` reply type, shared with the client). */
export type { RevisionInfo };

/** Input of `Storage.saveAnnotation`. The storage assigns `revision = baseRevision + 1`. */
export interface SaveAnnotationInput {
  /** The document to store; its `revision` field is ignored and replaced. */
  doc: FrameAnnotation;
  /** The revision the client edited; 0 when the frame has never been stored. */
  baseRevision: number;
  user: string | null;
  source: RevisionSource;
  /** Extra activity-log detail (for example the import file name). */
  detail?: Record<string, unknown>;
  /** The activity-log action; default `source` (review steps: `submit`, `accept`, `flag_add`, ...). */
  action?: string;
  /** Assignment changes committed in the same transaction. */
  assignment?: AssignmentPatch;
}

export type SaveAnnotationResult = { ok: true; doc: FrameAnnotation } | { ok: false; current: FrameAnnotation | null };

/**
 * Persistence of annotations, their history, frame status and the activity log: SQLite for one
 * machine (`SqliteStorage`), PostgreSQL for replicas sharing one database (`PostgresStorage`),
 * with the same semantics. Routes only see this interface.
 */
export interface Storage {
  /** The current document of a frame, or null when the frame was never stored. */
  getAnnotation(frameId: string): Promise<FrameAnnotation | null>;
  /** One historical revision, or null. */
  getRevision(frameId: string, revision: number): Promise<FrameAnnotation | null>;
  /** The revision history of a frame, oldest first. */
  listRevisions(frameId: string): Promise<RevisionInfo[]>;
  /**
   * Atomically stores `doc` as revision `baseRevision + 1` if the stored revision is still
   * `baseRevision` (0 = absent), appends it to the history, marks the label dirty and logs the
   * activity. Otherwise stores nothing and returns the current document.
   */
  saveAnnotation(input: SaveAnnotationInput): Promise<SaveAnnotationResult>;
  /** The state of every stored frame, keyed by frame id. */
  listFrameStates(): Promise<Map<string, FrameState>>;
  /** The frames whose label file may be stale. */
  listDirtyLabels(): Promise<string[]>;
  /** Clears the dirty flag if the frame is still at `revision` (a newer save keeps it dirty). */
  markLabelWritten(frameId: string, revision: number): Promise<void>;
  /** Appends to the activity log. */
  logActivity(entry: Omit<ActivityEntry, 'id' | 'at'> & { at?: string }): Promise<void>;
  /** Activity, newest first. */
  listActivity(query?: { frameId?: string; limit?: number }): Promise<ActivityEntry[]>;
  /** Every activity entry with `from ≤ at ≤ to` (ISO instants, both optional), oldest first (metrics). */
  listActivityRange(query?: { from?: string; to?: string; frameId?: string }): Promise<ActivityEntry[]>;
  /** The review assignment of a frame (nulls when none was recorded). */
  getAssignment(frameId: string): Promise<Assignment>;
  /** Changes an assignment outside a save (a lead reassigning) and logs `assign`. */
  setAssignment(frameId: string, patch: AssignmentPatch, user: string | null): Promise<Assignment>;
  /** Users and login sessions. */
  readonly users: UserStore;
  /**
   * A lock every process on this storage sees (PostgreSQL advisory locks), taken around each
   * frame's label write after the process's own queue; absent for SQLite, where one process serves.
   */
  readonly sharedLocks?: SharedLock;
  /** Check summaries kept for every replica (PostgreSQL); absent: each process keeps its own in memory. */
  readonly checkSummaries?: CheckSummaryStore;
  close(): Promise<void>;
}
