import { createStore } from 'zustand/vanilla';
import type { CheckResult } from '../domain/checks/CheckResult.ts';
import type { EdgeCaseDictionary } from '../domain/checks/dictionary/EdgeCaseDictionary.ts';
import type { FrameAnnotation, ReviewFlag } from '../domain/document/FrameAnnotation.ts';
import type { AnnotationDiff } from '../domain/review/diffAnnotations.ts';
import type { SubmitOverride } from '../domain/review/matchOverrides.ts';
import { api, checkErrorsOf, type NewFlagInput, type ReviewInfo } from '../io/apiClient.ts';

export type { ReviewInfo, ReviewStep } from '../io/apiClient.ts';
import { appStore } from '../state/appStore.ts';
import { refreshFrames } from './openFrame.ts';
import { getAutosave } from './pageEditor.ts';

/** The review side of the open frame. */
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
  dictionary: EdgeCaseDictionary | null;
}

/** The review panel's store (vanilla; React reads it with `useStore(reviewStore, selector)`). */
export const reviewStore = createStore<ReviewState>(() => ({
  frameId: null,
  info: null,
  busy: null,
  error: null,
  pendingErrors: null,
  diff: null,
  diffRange: {},
  dictionary: null,
}));

const message = (err: unknown): string =>
  err instanceof Error && 'detail' in err && typeof err.detail === 'string' ? err.detail : err instanceof Error ? err.message : String(err);

/** Whether the editor may change boxes of the open frame (false for a reviewer, a locked or someone else's frame). */
export const selectCanEdit = (s: ReviewState): boolean => s.info?.can.edit ?? true;

function statusWords(status: ReviewInfo['status']): string {
  if (status === 'rejected') return 'rejected (fix the flagged boxes, resolve each flag, then resubmit)';
  if (status === 'accepted') return 'accepted';
  if (status === 'submitted') return 'submitted for review';
  return `moved to ${status}`;
}

/** Why the caller may not edit the frame's boxes now, in words (null: they may). */
export function editLockReason(info: ReviewInfo): string | null {
  if (info.can.edit) return null;
  if (info.status === 'submitted') return `Frame ${info.frameId} is submitted and waits for review: its boxes are locked until the reviewer accepts or rejects it.`;
  if (info.status === 'accepted') return `Frame ${info.frameId} is accepted: its boxes are locked.`;
  if (info.can.flag) return 'Reviewers do not edit boxes: flag what must change (Review panel).';
  return `Frame ${info.frameId} is assigned to someone else: its boxes are locked for you.`;
}

/**
 * Loads the review state (and the diff) of a frame; a load for another frame in the meantime
 * wins. When someone else moved the frame on (a verdict, a flag) and this page has no unsaved
 * work, the editor gets the server's document, so that status and flags stay current.
 */
export async function loadReview(frameId: string): Promise<void> {
  if (reviewStore.getState().frameId !== frameId) {
    reviewStore.setState({ frameId, info: null, diff: null, diffRange: {}, pendingErrors: null, error: null });
    appStore.getState().setEditLock(null);
  }
  try {
    const [info, diff] = await Promise.all([api.getReview(frameId), api.getDiff(frameId, reviewStore.getState().diffRange)]);
    if (reviewStore.getState().frameId !== frameId) return;
    const previous = reviewStore.getState().info;
    reviewStore.setState({ info, diff, error: null });
    // Someone else moved the open frame on: say so (this page's own steps say it themselves).
    // Only review steps count (a first save moving a frame to "in progress" is not news).
    const newStep = previous !== null && previous.frameId === frameId && info.history.length > previous.history.length;
    if (newStep && previous.status !== info.status && ownStepFrame !== frameId && info.status !== 'in_progress' && info.status !== 'todo') {
      const last = info.history[info.history.length - 1];
      const comment = typeof last.detail.comment === 'string' && last.detail.comment !== '' ? `: “${last.detail.comment}”` : '';
      appStore.getState().showMessage(`${last.user ?? 'Someone'} ${statusWords(info.status)} frame ${frameId}${comment}.`, info.status === 'rejected' ? 'warning' : 'info');
    }
    if (appStore.getState().currentFrameId === frameId) appStore.getState().setEditLock(editLockReason(info));
    const app = appStore.getState();
    if (app.currentFrameId === frameId && app.save.status === 'saved' && info.revision > (app.save.lastSavedRevision ?? 0)) {
      const doc = await api.getAnnotation(frameId);
      if (appStore.getState().currentFrameId === frameId && appStore.getState().save.status === 'saved') getAutosave().openDoc(doc);
    }
  } catch (err) {
    if (reviewStore.getState().frameId === frameId) reviewStore.setState({ error: message(err) });
  }
}

/** Loads the edge-case dictionary (flag reasons) once. */
export async function loadDictionary(): Promise<void> {
  if (reviewStore.getState().dictionary !== null) return;
  try {
    reviewStore.setState({ dictionary: (await api.getDictionary()).dictionary });
  } catch (err) {
    reviewStore.setState({ error: message(err) });
  }
}

/** Compares other revisions (0 = empty, before any save). */
export async function setDiffRange(range: { from?: number; to?: number }): Promise<void> {
  const frameId = reviewStore.getState().frameId;
  reviewStore.setState({ diffRange: range });
  if (frameId === null) return;
  try {
    const diff = await api.getDiff(frameId, range);
    if (reviewStore.getState().frameId === frameId) reviewStore.setState({ diff, error: null });
  } catch (err) {
    reviewStore.setState({ error: message(err) });
  }
}

/**
 * Runs one review step on the open frame: first sends pending edits (a step is a new revision;
 * unsaved work would otherwise conflict with it), then loads the server's answer into the editor
 * and refreshes the frame list and the review state.
 */
/** The frame a review step of this page is working on (its own status changes are not announced). */
let ownStepFrame: string | null = null;

async function step(name: string, run: (frameId: string) => Promise<FrameAnnotation>): Promise<boolean> {
  const frameId = appStore.getState().currentFrameId;
  if (frameId === null || reviewStore.getState().busy !== null) return false;
  reviewStore.setState({ busy: name, error: null });
  ownStepFrame = frameId;
  try {
    const autosave = getAutosave();
    await autosave.saveNow();
    if (appStore.getState().save.status === 'conflict') throw new Error('resolve the save conflict first');
    const doc = await run(frameId);
    if (appStore.getState().currentFrameId === frameId) autosave.openDoc(doc);
    reviewStore.setState({ busy: null });
    void refreshFrames().catch(() => undefined);
    await loadReview(frameId);
    ownStepFrame = null;
    return true;
  } catch (err) {
    ownStepFrame = null;
    const pendingErrors = checkErrorsOf(err);
    reviewStore.setState({ busy: null, error: pendingErrors === null ? message(err) : null, ...(pendingErrors !== null ? { pendingErrors } : {}) });
    return false;
  }
}

/** Submits the open frame; a refusal for check errors fills `pendingErrors`. */
export async function submitCurrentFrame(overrides: readonly SubmitOverride[] = []): Promise<boolean> {
  const ok = await step('submit', (id) => api.submitFrame(id, overrides));
  if (ok) reviewStore.setState({ pendingErrors: null });
  return ok;
}

export function cancelSubmit(): void {
  reviewStore.setState({ pendingErrors: null });
}

export function acceptCurrentFrame(): Promise<boolean> {
  return step('accept', (id) => api.acceptFrame(id));
}

export function rejectCurrentFrame(comment: string): Promise<boolean> {
  return step('reject', (id) => api.rejectFrame(id, comment));
}

/** Flags a box or a missed object's location (LiDAR frame, metres) on the open frame. */
export function addFlag(input: NewFlagInput): Promise<boolean> {
  return step('flag', async (id) => (await api.addFlag(id, input)).annotation);
}

/** Resolves (annotator), closes or reopens (reviewer) a flag of the open frame. */
export function setFlagState(flagId: string, state: ReviewFlag['state']): Promise<boolean> {
  return step(`flag:${flagId}`, (id) => api.setFlagState(id, flagId, state));
}
