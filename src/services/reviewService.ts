import type { FrameAnnotation, ReviewFlag } from '../domain/document/FrameAnnotation.ts';
import type { ReviewInfo } from '../domain/api/wireTypes.ts';
import type { SubmitOverride } from '../domain/review/matchOverrides.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { checkErrorsOf, type ApiClient, type NewFlagInput } from '../io/apiClient.ts';
import type { Autosave } from '../io/autosave.ts';
import type { ReviewCommands } from '../tools/EditorServices.ts';

/** The review side of the open frame (its state lives in the store's `review` slice): the editor's review commands. */
export type ReviewService = ReviewCommands;

export interface ReviewServiceDeps {
  store: AppStore;
  api: ApiClient;
  /** The page's autosave (null before the dataset is known: nothing to save yet). */
  autosave: () => Autosave | null;
  refreshFrames: () => Promise<unknown>;
}

const message = (err: unknown): string =>
  err instanceof Error && 'detail' in err && typeof err.detail === 'string' ? err.detail : err instanceof Error ? err.message : String(err);

function statusWords(status: ReviewInfo['status']): string {
  if (status === 'rejected') return 'rejected (fix the flagged boxes, resolve each flag, then resubmit)';
  if (status === 'accepted') return 'accepted';
  if (status === 'submitted') return 'submitted for review';
  return `moved to ${status}`;
}

/**
 * What a lead is told at the first change of a frame that is accepted or submitted (their role
 * lets them; nobody reviews the change), or null.
 */
export function editNoticeFor(info: ReviewInfo): string | null {
  if (!info.can.edit) return null;
  if (info.status === 'accepted')
    return `Frame ${info.frameId} is accepted${info.acceptedRevision !== null ? ` (revision ${info.acceptedRevision})` : ''}: you change it as a lead, and nobody reviews the change; an export of accepted frames keeps writing the accepted revision (Ctrl+Z takes it back; reopen the frame to send it through review).`;
  if (info.status === 'submitted') return `Frame ${info.frameId} is submitted and waits for review: you change it as a lead, before its reviewer sees it.`;
  return null;
}

/** Why the caller may not edit the frame's boxes now, in words (null: they may). */
export function editLockReason(info: ReviewInfo): string | null {
  if (info.can.edit) return null;
  // The reviewer is told what they do, not that they are waited for.
  if (info.can.flag && info.status === 'submitted')
    return 'Reviewers do not edit boxes: flag what must change (Review panel), then accept or reject the frame.';
  if (info.status === 'submitted')
    return `Frame ${info.frameId} is submitted and waits for review: its boxes are locked until the reviewer accepts or rejects it.`;
  if (info.status === 'accepted') return `Frame ${info.frameId} is accepted: its boxes are locked.`;
  if (info.can.flag) return 'Reviewers do not edit boxes: flag what must change (Review panel).';
  return `Frame ${info.frameId} is assigned to someone else: its boxes are locked for you.`;
}

export function createReviewService({ store, api, autosave, refreshFrames }: ReviewServiceDeps): ReviewService {
  const review = () => store.getState().review;
  const setReview = (patch: Parameters<ReturnType<AppStore['getState']>['setReview']>[0]) => store.getState().setReview(patch);
  /** The frame a review step of this page is working on (its own status changes are not announced). */
  let ownStepFrame: string | null = null;

  const load = async (frameId: string): Promise<void> => {
    if (review().frameId !== frameId) {
      setReview({ frameId, info: null, diff: null, diffRange: {}, pendingErrors: null, error: null });
      store.getState().setEditLock(null);
      store.getState().setEditNotice(null);
    }
    try {
      const [info, diff] = await Promise.all([api.getReview(frameId), api.getDiff(frameId, review().diffRange)]);
      if (review().frameId !== frameId) return;
      const previous = review().info;
      setReview({ info, diff, error: null });
      // Someone else moved the open frame on: say so (this page's own steps say it themselves).
      // Only review steps count (a first save moving a frame to "in progress" is not news).
      const newStep = previous !== null && previous.frameId === frameId && info.history.length > previous.history.length;
      if (newStep && previous.status !== info.status && ownStepFrame !== frameId && info.status !== 'in_progress' && info.status !== 'todo') {
        const last = info.history[info.history.length - 1];
        const comment = typeof last.detail.comment === 'string' && last.detail.comment !== '' ? `: “${last.detail.comment}”` : '';
        store
          .getState()
          .showMessage(`${last.user ?? 'Someone'} ${statusWords(info.status)} frame ${frameId}${comment}.`, info.status === 'rejected' ? 'warning' : 'info');
      }
      if (store.getState().currentFrameId === frameId) {
        store.getState().setEditLock(editLockReason(info));
        // Said once per visit: a status that did not change keeps a notice already shown cleared.
        if (previous === null || previous.frameId !== frameId || previous.status !== info.status) store.getState().setEditNotice(editNoticeFor(info));
      }
      const app = store.getState();
      if (app.currentFrameId === frameId && app.save.status === 'saved' && info.revision > (app.save.lastSavedRevision ?? 0)) {
        const doc = await api.getAnnotation(frameId);
        if (store.getState().currentFrameId === frameId && store.getState().save.status === 'saved') autosave()?.openDoc(doc);
      }
    } catch (err) {
      if (review().frameId === frameId) setReview({ error: message(err) });
    }
  };

  const setDiffRange = async (range: { from?: number; to?: number }): Promise<void> => {
    const frameId = review().frameId;
    setReview({ diffRange: range });
    if (frameId === null) return;
    try {
      const diff = await api.getDiff(frameId, range);
      if (review().frameId === frameId) setReview({ diff, error: null });
    } catch (err) {
      setReview({ error: message(err) });
    }
  };

  /**
   * Runs one review step on the open frame: first sends pending edits (a step is a new revision;
   * unsaved work would otherwise conflict with it), then loads the server's answer into the editor
   * and refreshes the frame list and the review state.
   */
  const step = async (name: string, run: (frameId: string) => Promise<FrameAnnotation>): Promise<boolean> => {
    const frameId = store.getState().currentFrameId;
    if (frameId === null || review().busy !== null) return false;
    setReview({ busy: name, error: null });
    ownStepFrame = frameId;
    try {
      await autosave()?.saveNow();
      if (store.getState().save.status === 'conflict') throw new Error('resolve the save conflict first');
      const doc = await run(frameId);
      if (store.getState().currentFrameId === frameId) autosave()?.openDoc(doc);
      setReview({ busy: null });
      void refreshFrames().catch(() => undefined);
      await load(frameId);
      ownStepFrame = null;
      return true;
    } catch (err) {
      ownStepFrame = null;
      const pendingErrors = checkErrorsOf(err);
      setReview({ busy: null, error: pendingErrors === null ? message(err) : null, ...(pendingErrors !== null ? { pendingErrors } : {}) });
      return false;
    }
  };

  return {
    load,
    setDiffRange,
    submit: async (overrides = []) => {
      const ok = await step('submit', (id) => api.submitFrame(id, overrides));
      if (ok) setReview({ pendingErrors: null });
      return ok;
    },
    cancelSubmit: () => setReview({ pendingErrors: null }),
    accept: () => step('accept', (id) => api.acceptFrame(id)),
    reject: (comment) => step('reject', (id) => api.rejectFrame(id, comment)),
    addFlag: (input) => step('flag', async (id) => (await api.addFlag(id, input)).annotation),
    setFlagState: (flagId, state) => step(`flag:${flagId}`, (id) => api.setFlagState(id, flagId, state)),
  };
}
