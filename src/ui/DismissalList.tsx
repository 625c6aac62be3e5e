import { useEditor, useAppStore } from '../render/EditorContext.ts';
import type { Dismissal } from '../domain/document/FrameAnnotation.ts';
import { whoName } from './whoName.ts';

/**
 * The open frame's "not an object" places, for the annotator and the reviewer: what the checks
 * suggested it was, who dismissed it and when, and why if they said. A click frames the place;
 * "Undo" takes the mark back (one undo step), unless the frame is locked for this user (a
 * reviewer, a submitted frame), which the button's tooltip says.
 */
export function DismissalList() {
  const editor = useEditor();
  const dismissals = useAppStore((s) => s.doc?.dismissals);
  const locked = useAppStore((s) => s.editLock);
  const requestFraming = useAppStore((s) => s.requestFraming);
  const me = useAppStore((s) => s.session.user?.name);
  if (!dismissals || dismissals.length === 0) return null;
  return (
    <details className="dismissals" open data-testid="dismissals">
      <summary>Not an object ({dismissals.length})</summary>
      <ul>
        {dismissals.map((d) => (
          <li key={d.id} className="dismissal-item" data-testid="dismissal-item">
            <button
              type="button"
              className="dismissal-text"
              onClick={() => requestFraming(d.location)}
              title={`At (${d.location[0].toFixed(1)}, ${d.location[1].toFixed(1)}), ${d.radius.toFixed(1)} m around`}
            >
              {dismissalText(d, me)}
            </button>
            <span className="check-links">
              <button
                type="button"
                disabled={locked !== null}
                title={locked ?? 'Take this mark back: the checks report the place again if they still find an object there'}
                onClick={() => void editor.actions.executeAction('removeDismissal', undefined, d.id)}
                data-testid="dismissal-undo"
              >
                Undo
              </button>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "Not an object (Car?) — dismissed by ann, 3 Dec 09:20: hedge" ("by you" when `me` made it). */
export function dismissalText(d: Dismissal, me?: string): string {
  const what = d.label !== undefined ? ` (${d.label}?)` : '';
  const who = d.by !== undefined ? ` — dismissed by ${whoName(d.by, me, '')}` : ' — dismissed';
  const when = d.at !== undefined && !Number.isNaN(Date.parse(d.at)) ? `, ${formatWhen(d.at)}` : '';
  const why = d.reason !== undefined && d.reason !== '' ? `: ${d.reason}` : '';
  return `✕ Not an object${what}${who}${when}${why}`;
}

function formatWhen(iso: string): string {
  const t = new Date(iso);
  return `${t.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${t.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
}
