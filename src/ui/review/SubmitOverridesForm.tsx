import { useEffect, useRef, useState } from 'react';
import { useAppStore, useEditor } from '../../render/EditorContext.ts';
import { boxName } from '../boxName.ts';
import { ruleTitle } from '../ruleTitles.ts';

const keyOf = (ruleId: string, cuboidId: string | null) => `${ruleId}:${cuboidId ?? '-'}`;

/**
 * Shown after the server refused a submit for check errors: one reason per error (rule and box).
 * The reasons go with the submit and stay in the frame's history for the reviewer to read.
 */
export function SubmitOverridesForm() {
  const editor = useEditor();
  const errors = useAppStore((s) => s.review.pendingErrors);
  const busy = useAppStore((s) => s.review.busy);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const root = useRef<HTMLDivElement>(null);
  const shown = errors !== null && errors.length > 0;
  // The form opens below the review buttons, often past the side panel's fold: bring it into
  // view and put the cursor in its first reason, so the submit visibly asks for something.
  useEffect(() => {
    if (!shown) return;
    root.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    root.current?.querySelector('textarea')?.focus({ preventScroll: true });
  }, [shown]);
  const cuboids = useAppStore((s) => s.doc?.cuboids);
  const nameOf = (id: string) => {
    const box = cuboids?.find((c) => c.id === id);
    return box ? boxName(box) : 'a deleted box';
  };
  if (errors === null || errors.length === 0) return null;
  const groups = new Map<string, { ruleId: string; cuboidId: string | null; messages: string[] }>();
  for (const e of errors) {
    const key = keyOf(e.ruleId, e.cuboidId);
    const g = groups.get(key) ?? { ruleId: e.ruleId, cuboidId: e.cuboidId, messages: [] };
    g.messages.push(e.message);
    groups.set(key, g);
  }
  const complete = [...groups.keys()].every((k) => (reasons[k] ?? '').trim() !== '');
  const submit = () =>
    void editor.actions
      .run(
        'submitFrame',
        [...groups.entries()].map(([k, g]) => ({ ruleId: g.ruleId, cuboidId: g.cuboidId, reason: reasons[k].trim() })),
      )
      .then((ok) => {
        if (ok) setReasons({});
      });
  return (
    <div className="overrides" data-testid="review-overrides" role="group" aria-label="Check errors" ref={root}>
      <p>{groups.size === 1 ? 'A check error blocks' : `${groups.size} check errors block`} the submit. Fix the box, or say why it is right:</p>
      {[...groups.entries()].map(([key, g]) => (
        <label key={key} className="override">
          <span className="override-rule" title={`Rule: ${g.ruleId}`}>
            {ruleTitle(g.ruleId)}
            {g.cuboidId !== null && (
              <button type="button" className="link" onClick={() => g.cuboidId !== null && editor.store.getState().select([g.cuboidId])}>
                {nameOf(g.cuboidId)}
              </button>
            )}
          </span>
          <span className="muted">{g.messages.join(' · ')}</span>
          <textarea
            rows={2}
            value={reasons[key] ?? ''}
            onChange={(e) => setReasons((r) => ({ ...r, [key]: e.target.value }))}
            placeholder="Why this is correct"
            data-testid="review-override-reason"
            data-rule={g.ruleId}
          />
        </label>
      ))}
      <div className="review-buttons">
        <button type="button" className="primary" disabled={!complete || busy !== null} onClick={submit} data-testid="review-submit-overrides">
          Submit with these reasons
        </button>
        <button type="button" onClick={() => void editor.actions.run('cancelSubmit')} data-testid="review-cancel-overrides">
          Back to editing
        </button>
      </div>
    </div>
  );
}
