import { useEffect, useState } from 'react';
import type { ReviewInfo } from '../../domain/api/wireTypes.ts';
import { selectReviewInfo } from '../../state/slices/reviewSlice.ts';
import { useAppStore, useEditor } from '../../render/EditorContext.ts';
import { AddFlagForm } from './AddFlagForm.tsx';
import { BoxDiffTable } from './BoxDiffTable.tsx';
import { FlagList } from './FlagList.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';
import { SubmitOverridesForm } from './SubmitOverridesForm.tsx';
import { holderName, whoName } from '../whoName.ts';
import './review.css';

/** How often the panel asks the server for other people's review steps, ms. */
const REFRESH_MS = 10_000;

/**
 * Review of the open frame: its status and who it is assigned to, the steps open to the user
 * (submit, accept, reject: the server decides from role, assignment and status), the flags with
 * add/resolve/close, the per-box diff and the history with every overridden check error.
 * Reads `currentFrameId`, `doc` and the selection from the page store; mount it in the right bar.
 */
export function ReviewPanel() {
  const frameId = useAppStore((s) => s.currentFrameId);
  const savedRevision = useAppStore((s) => s.save.lastSavedRevision);
  const editor = useEditor();
  const info = useAppStore(selectReviewInfo);
  const me = useAppStore((s) => s.session.user?.name);
  const busy = useAppStore((s) => s.review.busy);
  const error = useAppStore((s) => s.review.error);
  const load = useAppStore((s) => s.load);
  const calibProblem = useAppStore((s) => (s.checks.frameId === s.currentFrameId ? s.checks.calibProblem : null));
  const [comment, setComment] = useState('');
  useEffect(() => {
    if (frameId !== null) void editor.actions.run('loadReview', frameId);
  }, [editor, frameId, savedRevision]);
  useEffect(() => {
    // Someone else's steps (a verdict, a flag) show up without a reload.
    if (frameId === null) return undefined;
    // The frame list too: other people's submits and verdicts change other frames' status.
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      void editor.actions.run('loadReview', frameId);
      void editor.actions.run('refreshFrames');
    };
    const timer = setInterval(refresh, REFRESH_MS);
    // Coming back to the tab (or window) refreshes at once.
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [editor, frameId]);

  if (frameId === null) return null;
  // The submit gate runs the checks on the points: a frame whose point file failed cannot pass it.
  const pointsFailed = load.status === 'error' && load.frameId === frameId;
  const submitBlocked = pointsFailed ? `Submit needs the frame’s points (the checks run on them): ${load.error ?? 'they could not be loaded'}` : null;
  return (
    <section className="panel review-panel" aria-label="Review" data-testid="review-panel">
      <h2>Review</h2>
      {info === null ? (
        <p className="muted">{error ?? 'Loading…'}</p>
      ) : (
        <>
          <div className="review-row">
            <span className={`status status-${info.status}`} data-testid="review-status" data-status={info.status}>
              {info.status.replace('_', ' ')}
            </span>
            <span className="muted" data-testid="review-assignment">
              {info.annotator !== null ? `annotator ${holderName(info.annotator, me)}` : 'unassigned'}
              {info.reviewer !== null ? ` · reviewer ${holderName(info.reviewer, me)}` : ''}
            </span>
          </div>
          <RejectNote info={info} />
          <div className="review-buttons">
            {info.can.submit && (
              <button
                type="button"
                className="primary"
                disabled={busy !== null || submitBlocked !== null}
                title={submitBlocked ?? undefined}
                onClick={() => void editor.actions.run('submitFrame')}
                data-testid="review-submit"
              >
                {info.status === 'rejected' ? 'Resubmit' : 'Submit for review'}
              </button>
            )}
            {info.can.accept && (
              <button
                type="button"
                className="primary"
                disabled={busy !== null}
                onClick={() => void editor.actions.run('acceptFrame')}
                data-testid="review-accept"
              >
                Accept
              </button>
            )}
            {(info.can.reject || info.can.reopen) && (
              <button
                type="button"
                className="danger"
                disabled={busy !== null || !info.can.reject}
                title={info.can.reject ? undefined : 'Flag what must change first'}
                onClick={() => void editor.actions.run('rejectFrame', comment.trim()).then((ok) => ok && setComment(''))}
                data-testid="review-reject"
              >
                {info.status === 'accepted' ? 'Reopen' : 'Reject'}
              </button>
            )}
          </div>
          {info.can.reject && (
            <input
              className="review-comment"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder="Note for the annotator (optional)"
              data-testid="review-reject-comment"
            />
          )}
          {info.can.submit && submitBlocked !== null && (
            <p className="review-error" data-testid="review-submit-blocked">
              {submitBlocked}. Fix the point file, then Try again.
            </p>
          )}
          {info.can.submit && submitBlocked === null && calibProblem !== null && (
            <p className="muted review-hint" data-testid="review-calib-note">
              The calib cannot be used ({calibProblem}). You can still save, check and submit the boxes; the label_2 file (camera coordinates), the camera view
              and this frame’s export wait until the calib is fixed.
            </p>
          )}
          {hint(info) !== null && (
            <p className="muted review-hint" data-testid="review-hint">
              {hint(info)}
            </p>
          )}
          {error !== null && (
            <p className="review-error" role="alert" data-testid="review-error">
              {error}
            </p>
          )}
          <SubmitOverridesForm />
          <h3>
            Flags{' '}
            <span className="muted">
              {info.flags.open} open · {info.flags.resolved} resolved · {info.flags.closed} closed
            </span>
          </h3>
          <FlagList />
          {info.can.flag && <AddFlagForm />}
          <h3>Changes</h3>
          <BoxDiffTable />
          <h3>History</h3>
          <ReviewHistory />
        </>
      )}
    </section>
  );
}

/** Why an expected step is not offered. */
export function hint(info: ReviewInfo): string | null {
  if (info.status === 'accepted' && info.can.reopen && !info.can.reject) {
    return 'Accepted. To reopen it for the annotator, flag what must change (a box or a missed object), then Reopen.';
  }
  if (info.status === 'accepted' && info.can.reopen) return 'Reopen sends the frame back to its annotator with the open flags.';
  if (info.can.resolveFlags && !info.can.submit && info.flags.open > 0 && info.status !== 'submitted' && info.status !== 'accepted') {
    const n = info.flags.open;
    return `${n} flag${n === 1 ? ' is' : 's are'} still open: fix what ${n === 1 ? 'it asks' : 'they ask'} and resolve ${n === 1 ? 'it' : 'each one'}, then resubmit.`;
  }
  if (info.status === 'submitted' && info.can.flag && !info.can.accept && info.flags.open > 0) return 'Open flags: close them to accept, or reject the frame.';
  if (info.status === 'submitted' && info.can.flag && !info.can.reject && info.flags.open === 0) return 'To reject, flag what must be fixed first.';
  if (info.status === 'submitted' && !info.can.flag && !info.can.edit) return 'Submitted: waiting for review. Edits are locked.';
  if (info.status === 'accepted' && !info.can.edit) return 'Accepted: edits are locked.';
  return null;
}

/**
 * A rejected frame: who sent it back and their note, at the top of the panel. (It was only in the
 * history at the panel's foot, below the fold at 1600 × 900.)
 */
function RejectNote({ info }: { info: ReviewInfo }) {
  const me = useAppStore((s) => s.session.user?.name);
  if (info.status !== 'rejected') return null;
  const last = [...info.history].reverse().find((h) => h.action === 'reject');
  if (last === undefined) return null;
  const note = typeof last.detail.comment === 'string' && last.detail.comment.trim() !== '' ? last.detail.comment : null;
  return (
    <p className="review-reject-note" data-testid="review-reject-note">
      Sent back by {whoName(last.user, me, 'a reviewer')}
      {note !== null ? `: “${note}”` : ' (no note)'}
    </p>
  );
}
