import { useEffect, useState } from 'react';
import { useAppStore, useEditor } from '../render/EditorContext.ts';
import { plural } from './plural.ts';

/**
 * The sequence navigator: every frame with its review status, box count and check summary (live
 * from the checks worker for frames checked here, else the server's summary of the saved
 * revision); click to open, type an id to jump (Enter opens it, Esc clears; both hand the keyboard
 * back to the viewport), D / A for next / previous.
 */
export function FrameList() {
  const frames = useAppStore((s) => s.frames);
  const current = useAppStore((s) => s.currentFrameId);
  const error = useAppStore((s) => s.framesError);
  const summary = useAppStore((s) => s.checkSummary);
  // The open frame's count and status are live (the list itself refreshes after saves and steps).
  const openBoxes = useAppStore((s) => (s.doc !== null && s.doc.frameId === s.currentFrameId ? s.doc.cuboids.length : null));
  const openStatus = useAppStore((s) => (s.review.info !== null && s.review.info.frameId === current ? s.review.info.status : null));
  const openFlags = useAppStore((s) => (s.doc !== null && s.doc.frameId === s.currentFrameId ? s.doc.flags.filter((f) => f.state === 'open').length : null));
  const editor = useEditor();
  const openFrame = (frameId: string) => editor.actions.run('openFrame', frameId);
  const [jump, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string | null>(null);
  // "No frame …" and the text that had no frame are about the last jump: opening a frame (any
  // way) clears both; typing again clears the message.
  useEffect(() => {
    setJumpError(null);
    setJump('');
  }, [current]);
  if (error) {
    return (
      <div className="error" role="alert">
        {error}
      </div>
    );
  }
  const go = () => {
    const wanted = jump.trim();
    const hit = frames.find((f) => f.id === wanted) ?? frames.find((f) => Number(f.id) === Number(wanted) && wanted !== '');
    if (hit) {
      setJumpError(null);
      setJump('');
      void openFrame(hit.id);
    } else setJumpError(`No frame "${wanted}"`);
  };
  return (
    <nav className="frame-list" aria-label="Frames">
      <h2>Frames ({frames.length})</h2>
      <form
        className="frame-jump"
        onSubmit={(e) => {
          e.preventDefault();
          go();
        }}
      >
        <input
          value={jump}
          onChange={(e) => {
            setJump(e.target.value);
            setJumpError(null);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            setJump('');
            setJumpError(null);
          }}
          placeholder="Go to frame (Enter)"
          title="Type a frame id and press Enter to open it"
          aria-label="Jump to frame"
          data-testid="frame-jump"
        />
      </form>
      {jumpError ? <p className="error">{jumpError}</p> : null}
      <ul>
        {frames.map((listed) => {
          const open = listed.id === current;
          const f = open
            ? { ...listed, boxCount: openBoxes ?? listed.boxCount, status: openStatus ?? listed.status, openFlags: openFlags ?? listed.openFlags }
            : listed;
          const c = summary[f.id];
          // Counts only for a frame whose points read (an unreadable one is marked instead).
          const counts = c?.unreadable === undefined ? c : undefined;
          return (
            <li key={f.id}>
              <button
                type="button"
                className={f.id === current ? 'frame current' : 'frame'}
                onClick={() => void openFrame(f.id)}
                data-testid={`frame-${f.id}`}
                title={f.id}
              >
                <span className="frame-id">{f.id}</span>
                <span className={`status status-${f.status}`}>{f.status.replace('_', ' ')}</span>
                <span className="count">
                  {f.openFlags !== undefined && f.openFlags > 0 && f.status === 'rejected' ? (
                    <span className="checks-badge flag-count" title="Review flags still open on this frame" data-testid="frame-open-flags">
                      ⚑ {plural(f.openFlags, 'open flag')} ·{' '}
                    </span>
                  ) : null}
                  {plural(f.boxCount, 'box', 'boxes')}
                  {f.labelProblem !== undefined ? (
                    <span className="checks-badge err" title={f.labelProblem} data-testid="frame-label-problem">
                      {' '}
                      · labels unreadable
                    </span>
                  ) : null}
                  {f.calibProblem !== undefined && f.labelProblem === undefined ? (
                    <span className="checks-badge err" title={f.calibProblem} data-testid="frame-calib-problem">
                      {' '}
                      · calib unreadable
                    </span>
                  ) : null}
                  {c?.unreadable !== undefined && f.labelProblem === undefined && f.calibProblem === undefined ? (
                    <span className="checks-badge err" title={c.unreadable} data-testid="frame-points-problem">
                      {' '}
                      · points unreadable
                    </span>
                  ) : null}
                  {counts && counts.error > 0 ? <span className="checks-badge err"> · {plural(counts.error, 'error')}</span> : null}
                  {counts && counts.warning > 0 ? <span className="checks-badge warn"> · {plural(counts.warning, 'warning')}</span> : null}
                  {counts && counts.error === 0 && counts.warning === 0 ? (
                    <span className="checks-badge ok" title="Every check passes">
                      {' '}
                      · checks pass
                    </span>
                  ) : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
