import type { ReviewFlag } from '../../domain/document/FrameAnnotation.ts';
import { useAppStore, useEditor } from '../../render/EditorContext.ts';
import { boxName } from '../boxName.ts';
import { whoName } from '../whoName.ts';

const STATE_LABEL: Record<ReviewFlag['state'], string> = { open: 'open', resolved: 'resolved', closed: 'closed' };

/**
 * The open frame's review flags with the dictionary's title for each reason: the annotator
 * resolves a flag, the reviewer closes or reopens it (buttons follow `ReviewInfo.can`). Clicking
 * a flag on a box selects the box, one on a missed object frames its place in the view; clicking
 * its reason opens the SOP at that dictionary entry.
 */
export function FlagList() {
  const flags = useAppStore((s) => s.doc?.flags);
  const cuboids = useAppStore((s) => s.doc?.cuboids);
  const editor = useEditor();
  const info = useAppStore((s) => s.review.info);
  const me = useAppStore((s) => s.session.user?.name);
  const busy = useAppStore((s) => s.review.busy);
  const dictionary = useAppStore((s) => s.dictionary);
  if (flags === undefined || flags.length === 0) return <p className="muted">No flags.</p>;
  const title = (reason: string) => dictionary?.edgeCases.find((e) => e.id === reason)?.title ?? reason;
  const target = (f: ReviewFlag) => {
    if (f.cuboidId !== null) {
      const box = cuboids?.find((c) => c.id === f.cuboidId);
      return box ? boxName(box) : 'a deleted box';
    }
    return f.location !== null ? `missed object at ${f.location.map((v) => v.toFixed(1)).join(', ')} m` : 'the frame';
  };
  const move = (f: ReviewFlag, state: ReviewFlag['state']) => void editor.actions.run('setFlagState', { flagId: f.id, state });
  return (
    <ul className="flag-list" data-testid="flag-list">
      {flags.map((f) => (
        <li key={f.id} className={`flag flag-${f.state}`} data-testid="flag-item" data-flag-id={f.id} data-state={f.state}>
          <button
            type="button"
            className="flag-target link"
            onClick={() => {
              const s = editor.store.getState();
              if (f.cuboidId !== null) s.select([f.cuboidId]);
              else if (f.location !== null) s.requestFraming(f.location);
            }}
            disabled={f.cuboidId === null && f.location === null}
            title={f.cuboidId === null && f.location !== null ? 'Show this place in the view' : undefined}
            data-testid="flag-place"
          >
            {target(f)}
          </button>
          <span className={`flag-state flag-state-${f.state}`}>{STATE_LABEL[f.state]}</span>
          <button
            type="button"
            className="flag-reason link"
            title={`Open the SOP at “${title(f.reason)}”`}
            onClick={() => editor.store.getState().openSop(f.reason)}
            data-testid="flag-sop"
          >
            {title(f.reason)}
          </button>
          {f.comment !== '' && <span className="flag-comment">“{f.comment}”</span>}
          <span className="muted flag-meta">
            {whoName(f.author, me, 'someone')} · {new Date(f.createdAt).toLocaleString()}
          </span>
          <span className="review-buttons">
            {info?.can.resolveFlags === true && f.state === 'open' && (
              <button type="button" disabled={busy !== null} onClick={() => move(f, 'resolved')} data-testid="flag-resolve">
                Resolve
              </button>
            )}
            {info?.can.flag === true && f.state !== 'closed' && (
              <button type="button" disabled={busy !== null} onClick={() => move(f, 'closed')} data-testid="flag-close">
                Close
              </button>
            )}
            {info?.can.flag === true && f.state !== 'open' && (
              <button type="button" disabled={busy !== null} onClick={() => move(f, 'open')} data-testid="flag-reopen">
                Reopen
              </button>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
