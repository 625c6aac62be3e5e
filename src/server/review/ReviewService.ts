import { randomUUID } from 'node:crypto';
import { countBySeverity } from '../../domain/checks/CheckResult.ts';
import type { FrameAnnotation, ReviewFlag } from '../../domain/document/FrameAnnotation.ts';
import { MAX_ITEMS_PER_FRAME } from '../../domain/document/validateAnnotation.ts';
import { summarizeSave } from '../../domain/metrics/summarizeSave.ts';
import { flagTransition, type FlagState } from '../../domain/review/flagTransitions.ts';
import { matchOverrides, type SubmitOverride } from '../../domain/review/matchOverrides.ts';
import { nextStatus, type ReviewEvent } from '../../domain/review/reviewTransitions.ts';
import type { AnnotationService, SaveOutcome, SaveRecordOptions } from '../AnnotationService.ts';
import type { SessionUser } from '../auth/SessionUser.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { HttpError } from '../http/HttpError.ts';
import type { Assignment } from '../storage/Storage.ts';
import type { DictionaryStorage } from './DictionaryStore.ts';
import type { SubmitChecker } from './checkFrameForSubmit.ts';

/** A flag to add: on a box (`cuboidId`) or at a LiDAR-frame point for a missed object (`location`, metres). */
export interface NewFlag {
  cuboidId: string | null;
  location: [number, number, number] | null;
  /** Edge-case dictionary entry id. */
  reason: string;
  comment: string;
}

interface Plan {
  doc: FrameAnnotation;
  record: SaveRecordOptions;
}

/**
 * The review loop over `AnnotationService`: box edits with roles and locks, submit (with the
 * check gate and recorded overrides), accept, reject and flags. Status and flags are
 * server-owned: a box save keeps the stored ones whatever the body says. Every step is a new
 * revision (source `review`) and an activity-log entry, committed with the frame's assignment
 * (the annotator a rejection goes back to, the reviewer a resubmission goes back to).
 *
 * Errors are `HttpError`s: 403 for a role or assignment that may not act, 409 for a step that is
 * not valid from the frame's status (or a submit with a review flag still open), 422 for a submit whose check errors lack a reason, 423 for an
 * annotator's edit of a locked (submitted or accepted) frame.
 */
export class ReviewService {
  readonly annotations: AnnotationService;
  readonly dictionaries: DictionaryStorage;
  private readonly checker: SubmitChecker;

  constructor(opts: { annotations: AnnotationService; dictionaries: DictionaryStorage; checker: SubmitChecker }) {
    this.annotations = opts.annotations;
    this.dictionaries = opts.dictionaries;
    this.checker = opts.checker;
  }

  /** A box save (`PUT .../annotation`) by `user`, based on `baseRevision`. */
  async saveEdit(frame: DatasetFrame, body: FrameAnnotation, baseRevision: number, user: SessionUser): Promise<SaveOutcome> {
    // Both reads at once: one database round trip of waiting, not two.
    const [current, assignment] = await Promise.all([this.annotations.getAnnotation(frame, user.name), this.annotations.storage.getAssignment(frame.id)]);
    if (current.revision !== baseRevision) return { ok: false, current };
    if (user.role === 'reviewer') {
      if (sameBoxes(current, body)) return { ok: true, doc: current, labelWritten: true };
      throw new HttpError(403, 'forbidden', 'a reviewer cannot edit boxes: flag the box for the annotator instead');
    }
    const status = this.transition(current, 'save', user);
    this.assertAnnotator(assignment, user, frame.id);
    const doc: FrameAnnotation = { ...body, status, flags: current.flags, dismissals: stampDismissals(current, body, user.name) };
    return this.annotations.saveAnnotation(frame, doc, baseRevision, user.name, {
      detail: { ...summarizeSave(current.cuboids, doc.cuboids), status, role: user.role },
      ...(user.role === 'annotator' && assignment.annotator === null ? { assignment: { annotator: user.name } } : {}),
    });
  }

  /** Submits the frame for review. Every check error must carry an override with a reason. */
  submit(frame: DatasetFrame, user: SessionUser, overrides: readonly SubmitOverride[]): Promise<FrameAnnotation> {
    return this.mutate(frame, user, async (current, assignment) => {
      const status = this.transition(current, 'submit', user);
      this.assertAnnotator(assignment, user, frame.id);
      const open = current.flags.filter((f) => f.state === 'open').length;
      if (open > 0) {
        throw new HttpError(
          409,
          'open_flags',
          `${open} review flag${open === 1 ? ' is' : 's are'} still open: fix what ${open === 1 ? 'it asks' : 'they ask'} and resolve ${open === 1 ? 'it' : 'each one'} before submitting`,
        );
      }
      const { dictionary } = await this.dictionaries.load();
      const results = await this.checker(frame, current, dictionary);
      const { overridden, missing } = matchOverrides(results, overrides);
      if (missing.length > 0) {
        throw new HttpError(
          422,
          'check_errors',
          `${missing.length} check error${missing.length === 1 ? ' needs' : 's need'} a reason to submit anyway; the first: ${missing[0].message}`,
          { errors: missing },
        );
      }
      const counts = countBySeverity(results);
      return {
        // The submitted revision records the dictionary version it was checked against.
        doc: { ...current, status, dictionaryVersion: dictionary.version },
        record: {
          source: 'review',
          action: 'submit',
          detail: {
            overrides: overridden,
            checkErrors: counts.error,
            checkWarnings: counts.warning,
            annotator: assignment.annotator ?? user.name,
            dictionaryVersion: dictionary.version,
          },
          ...(assignment.annotator === null ? { assignment: { annotator: user.name } } : {}),
        },
      };
    });
  }

  /** Accepts a submitted frame; resolved flags are closed with it, open ones block it. */
  accept(frame: DatasetFrame, user: SessionUser): Promise<FrameAnnotation> {
    return this.mutate(frame, user, async (current, assignment) => {
      const status = this.transition(current, 'accept', user);
      this.assertReviewer(assignment, user, frame.id);
      const open = current.flags.filter((f) => f.state === 'open').length;
      if (open > 0) {
        throw new HttpError(
          409,
          'open_flags',
          `${open} flag${open === 1 ? ' is' : 's are'} still open: close ${open === 1 ? 'it' : 'them'} or reject the frame`,
        );
      }
      const closed = current.flags.filter((f) => f.state === 'resolved').length;
      return {
        doc: { ...current, status, flags: current.flags.map((f) => (f.state === 'resolved' ? { ...f, state: 'closed' } : f)) },
        record: this.verdict('accept', assignment, user, { closedFlags: closed }),
      };
    });
  }

  /** Sends a submitted frame back to its annotator; at least one open flag must say what to fix. */
  reject(frame: DatasetFrame, user: SessionUser, comment: string): Promise<FrameAnnotation> {
    return this.mutate(frame, user, async (current, assignment) => {
      const status = this.transition(current, 'reject', user);
      this.assertReviewer(assignment, user, frame.id);
      const open = current.flags.filter((f) => f.state === 'open').length;
      if (open === 0) throw new HttpError(422, 'flags_required', 'flag what must be fixed (a box or a missed object) before rejecting the frame');
      return {
        doc: { ...current, status },
        record: this.verdict('reject', assignment, user, { openFlags: open, ...(comment !== '' ? { comment } : {}) }),
      };
    });
  }

  /** Adds an open flag. The reason must be an edge-case id of the current dictionary. */
  async addFlag(frame: DatasetFrame, user: SessionUser, input: NewFlag): Promise<{ doc: FrameAnnotation; flag: ReviewFlag }> {
    const { dictionary } = await this.dictionaries.load();
    if (!dictionary.edgeCases.some((e) => e.id === input.reason)) {
      throw new HttpError(400, 'invalid_flag', `reason: "${input.reason}" is not an edge-case id of the dictionary (version ${dictionary.version})`);
    }
    let flag: ReviewFlag | null = null;
    const doc = await this.mutate(frame, user, async (current, assignment) => {
      if (user.role !== 'reviewer' && user.role !== 'lead') throw new HttpError(403, 'forbidden', `a ${user.role} may not flag boxes`);
      this.assertReviewer(assignment, user, frame.id);
      if (input.cuboidId !== null && !current.cuboids.some((c) => c.id === input.cuboidId)) {
        throw new HttpError(400, 'invalid_flag', `cuboidId: frame "${frame.id}" has no box "${input.cuboidId}" at revision ${current.revision}`);
      }
      if (current.flags.length >= MAX_ITEMS_PER_FRAME) throw new HttpError(409, 'too_many_flags', `a frame holds at most ${MAX_ITEMS_PER_FRAME} flags`);
      flag = { id: randomUUID(), ...input, author: user.name, state: 'open', createdAt: new Date().toISOString() };
      return {
        doc: { ...current, flags: [...current.flags, flag] },
        record: {
          source: 'review',
          action: 'flag_add',
          detail: { flagId: flag.id, reason: flag.reason, cuboidId: flag.cuboidId, annotator: assignment.annotator },
          ...this.claimReview(assignment, user),
        },
      };
    });
    return { doc, flag: flag as unknown as ReviewFlag };
  }

  /** Moves a flag: the annotator resolves, the reviewer closes or reopens. */
  updateFlag(frame: DatasetFrame, user: SessionUser, flagId: string, state: FlagState): Promise<FrameAnnotation> {
    return this.mutate(frame, user, async (current, assignment) => {
      const flag = current.flags.find((f) => f.id === flagId);
      if (flag === undefined) throw new HttpError(404, 'flag_not_found', `frame "${frame.id}" has no flag "${flagId}"`);
      const t = flagTransition(flag.state, state, user.role);
      if (!t.ok) throw new HttpError(t.kind === 'forbidden' ? 403 : 409, t.kind === 'forbidden' ? 'forbidden' : 'invalid_transition', t.message);
      if (state === 'resolved') this.assertAnnotator(assignment, user, frame.id);
      else this.assertReviewer(assignment, user, frame.id);
      return {
        doc: { ...current, flags: current.flags.map((f) => (f.id === flagId ? { ...f, state } : f)) },
        record: {
          source: 'review',
          action: 'flag_update',
          detail: { flagId, from: flag.state, to: state, annotator: assignment.annotator },
          ...(state === 'resolved' ? {} : this.claimReview(assignment, user)),
        },
      };
    });
  }

  /** The next status for a step, or the HttpError that refuses it. */
  private transition(current: FrameAnnotation, event: ReviewEvent, user: SessionUser): FrameAnnotation['status'] {
    const t = nextStatus(current.status, event, user.role);
    if (t.ok) return t.status;
    if (t.kind === 'forbidden') throw new HttpError(403, 'forbidden', t.message);
    if (event === 'save') throw new HttpError(423, 'frame_locked', `frame "${current.frameId}": ${t.message}`);
    throw new HttpError(409, 'invalid_transition', `cannot ${event} frame "${current.frameId}": ${t.message}`);
  }

  /** An annotator may only work on frames assigned to them (or to nobody yet); leads may always. */
  private assertAnnotator(a: Assignment, user: SessionUser, frameId: string): void {
    if (user.role === 'annotator' && a.annotator !== null && a.annotator !== user.name) {
      throw new HttpError(403, 'not_assigned', `frame "${frameId}" is assigned to annotator ${a.annotator}`);
    }
  }

  /**
   * A reviewer may only review frames they reviewed before (or nobody did); leads may always. The
   * first review action (a flag or a verdict) assigns the reviewer (`claimReview`, `verdict`).
   */
  private assertReviewer(a: Assignment, user: SessionUser, frameId: string): void {
    if (user.role === 'reviewer' && a.reviewer !== null && a.reviewer !== user.name) {
      throw new HttpError(
        403,
        'not_assigned',
        `frame "${frameId}" is reviewed by ${a.reviewer}, who acted on it first: only ${a.reviewer} or a lead may flag, accept or reject it`,
      );
    }
  }

  /** A reviewer's first flag on a frame nobody reviews yet makes them its reviewer. */
  private claimReview(a: Assignment, user: SessionUser): Pick<SaveRecordOptions, 'assignment'> {
    return user.role === 'reviewer' && a.reviewer === null ? { assignment: { reviewer: user.name } } : {};
  }

  private verdict(action: 'accept' | 'reject', a: Assignment, user: SessionUser, extra: Record<string, unknown>): SaveRecordOptions {
    return {
      source: 'review',
      action,
      detail: { annotator: a.annotator, reviewer: a.reviewer ?? user.name, ...extra },
      ...(a.reviewer === null ? { assignment: { reviewer: user.name } } : {}),
    };
  }

  /** Read, plan, save on the read revision; a concurrent save makes it plan again (a few times). */
  private async mutate(
    frame: DatasetFrame,
    user: SessionUser,
    plan: (current: FrameAnnotation, assignment: Assignment) => Promise<Plan>,
  ): Promise<FrameAnnotation> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.annotations.getAnnotation(frame, user.name);
      const assignment = await this.annotations.storage.getAssignment(frame.id);
      const { doc, record } = await plan(current, assignment);
      const outcome = await this.annotations.saveAnnotation(frame, doc, current.revision, user.name, record);
      if (outcome.ok) return outcome.doc;
    }
    throw new HttpError(409, 'busy', `frame "${frame.id}" kept changing; try again`);
  }
}

/** Whether two documents hold the same boxes, DontCare regions and dismissals (what a reviewer may not change). */
function sameBoxes(a: FrameAnnotation, b: FrameAnnotation): boolean {
  return canonical([a.cuboids, a.dontCare, a.dismissals ?? []]) === canonical([b.cuboids, b.dontCare, b.dismissals ?? []]);
}

/**
 * The saved document's "not an object" dismissals: a new one (an id the stored revision lacks)
 * is signed by the user who saves it (and dated now unless it says when); one already stored keeps
 * who and when it was stored with, so neither can be rewritten by a later save.
 */
function stampDismissals(current: FrameAnnotation, body: FrameAnnotation, user: string): FrameAnnotation['dismissals'] {
  const stored = new Map((current.dismissals ?? []).map((d) => [d.id, d]));
  return (body.dismissals ?? []).map((d) => {
    const old = stored.get(d.id);
    const by = old === undefined ? user : old.by;
    const at = old === undefined ? (d.at ?? new Date().toISOString()) : old.at;
    const out = { ...d };
    delete out.by;
    delete out.at;
    return { ...out, ...(by !== undefined ? { by } : {}), ...(at !== undefined ? { at } : {}) };
  });
}

/** JSON with object keys sorted, so that documents built by different code paths compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
