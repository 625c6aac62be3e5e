import { defaultDiffFrom } from '../../domain/review/defaultDiffFrom.ts';
import type { FrameAnnotation, FrameStatus } from '../../domain/document/FrameAnnotation.ts';
import { diffAnnotations, type AnnotationDiff } from '../../domain/review/diffAnnotations.ts';
import { nextStatus } from '../../domain/review/reviewTransitions.ts';
import { emptyAnnotation } from '../../domain/document/FrameAnnotation.ts';
import type { AnnotationService } from '../AnnotationService.ts';
import type { SessionUser } from '../auth/SessionUser.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { HttpError } from '../http/HttpError.ts';
import { acceptedRevisionIn } from './acceptedDocument.ts';
import type { ReviewInfo, ReviewStep } from '../../domain/api/wireTypes.ts';

export type { ReviewInfo };

/** Activity actions that belong to a frame's review history. */
const REVIEW_ACTIONS = new Set(['submit', 'accept', 'reject', 'flag_add', 'flag_update', 'assign']);

/** The review state of a frame as seen by `user`. */
export async function buildReviewInfo(service: AnnotationService, frame: DatasetFrame, user: SessionUser): Promise<ReviewInfo> {
  const doc = await service.getAnnotation(frame, user.name);
  const a = await service.storage.getAssignment(frame.id);
  const log = await service.storage.listActivityRange({ frameId: frame.id });
  const history: ReviewStep[] = log
    .filter((e) => REVIEW_ACTIONS.has(e.action))
    .map((e) => ({ at: e.at, user: e.user, action: e.action, revision: e.revision, detail: e.detail }));
  const flags = { open: 0, resolved: 0, closed: 0 };
  for (const f of doc.flags) flags[f.state]++;
  const submittedRevisions = history.filter((h) => h.action === 'submit' && h.revision !== null).map((h) => h.revision as number);
  const mayAnnotate = user.role === 'lead' || (user.role === 'annotator' && (a.annotator === null || a.annotator === user.name));
  const mayReview = user.role === 'lead' || (user.role === 'reviewer' && (a.reviewer === null || a.reviewer === user.name));
  const ok = (event: 'save' | 'submit' | 'accept' | 'reject') => nextStatus(doc.status, event, user.role).ok;
  const importedRevision = (await importedRevisionOf(service, frame.id)) ?? null;
  return {
    frameId: frame.id,
    revision: doc.revision,
    status: doc.status,
    annotator: a.annotator,
    reviewer: a.reviewer,
    flags,
    submittedRevisions,
    acceptedRevision: acceptedRevisionIn(history, doc.status),
    importedRevision,
    history,
    can: {
      edit: mayAnnotate && ok('save'),
      submit: mayAnnotate && ok('submit') && flags.open === 0,
      accept: mayReview && ok('accept') && flags.open === 0,
      reject: mayReview && ok('reject') && flags.open > 0,
      reopen: user.role === 'lead' && doc.status === 'accepted',
      flag: mayReview && user.role !== 'annotator',
      resolveFlags: mayAnnotate && flags.open > 0,
      closeFlags: mayReview && user.role !== 'annotator' && flags.open + flags.resolved > 0,
    },
  };
}

/**
 * The per-box diff of a frame between two revisions (0 = the empty document before any save).
 * Defaults: `to` = the accepted revision when the frame is accepted, else the current one;
 * `from`: `defaultDiffFrom`.
 */
export async function buildFrameDiff(
  service: AnnotationService,
  frame: DatasetFrame,
  user: SessionUser,
  query: { from?: number; to?: number },
): Promise<AnnotationDiff & { frameId: string }> {
  const info = await buildReviewInfo(service, frame, user);
  const to = query.to ?? info.acceptedRevision ?? info.revision;
  const from = query.from ?? defaultDiffFrom(info.submittedRevisions, info.importedRevision, to);
  const read = async (revision: number, name: string): Promise<FrameAnnotation> => {
    if (revision === 0) return emptyAnnotation(frame.id);
    const doc = await service.storage.getRevision(frame.id, revision);
    if (doc === null) throw new HttpError(404, 'revision_not_found', `${name}: frame "${frame.id}" has no revision ${revision} (current ${info.revision})`);
    return doc;
  };
  const [a, b] = await Promise.all([read(from, 'from'), read(to, 'to')]);
  return { frameId: frame.id, ...diffAnnotations(a, b) };
}

/**
 * The revision that imported the frame's shipped labels or pre-labels, when the frame's history
 * starts with one: before anything was submitted, changes are counted from there (an untouched
 * imported frame shows no changes, not every box as added).
 */
async function importedRevisionOf(service: AnnotationService, frameId: string): Promise<number | undefined> {
  const first = (await service.storage.listRevisions(frameId)).find((r) => r.revision === 1);
  return first?.source === 'import' ? 1 : undefined;
}
