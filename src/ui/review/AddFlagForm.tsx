import { useEffect, useState } from 'react';
import { useAppStore, useEditor } from '../../render/EditorContext.ts';
import { selectPrimaryCuboid } from '../../state/selectors.ts';
import { boxName } from '../boxName.ts';

const NO_REASON = '';

/**
 * A reviewer's new flag: on the selected box, or (nothing selected) at a LiDAR-frame location in
 * metres for a missed object, typed or taken from the view (`Shift+F` at the cursor). The reason
 * is an entry of the edge-case dictionary.
 */
export function AddFlagForm() {
  const box = useAppStore(selectPrimaryCuboid);
  const editor = useEditor();
  // The one dictionary of the store: a lead's rule edit shows here at once.
  const dictionary = useAppStore((s) => s.dictionary);
  const busy = useAppStore((s) => s.review.busy);
  const [reason, setReason] = useState(NO_REASON);
  const [comment, setComment] = useState('');
  const [where, setWhere] = useState<[string, string, string]>(['', '', '']);
  // Shift+F in the view put the flag somewhere: take that place once.
  const flagAt = useAppStore((s) => (s.review.flagAt !== null && s.review.flagAt.frameId === s.doc?.frameId ? s.review.flagAt.at : null));
  useEffect(() => {
    if (flagAt === null) return;
    setWhere(flagAt.map((v) => v.toFixed(2)) as [string, string, string]);
    editor.store.getState().setReview({ flagAt: null });
  }, [flagAt, editor]);
  const location = where.map(Number) as [number, number, number];
  const locationOk = where.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  const ready = reason !== NO_REASON && (box !== null || locationOk) && busy === null;
  const submit = async () => {
    const ok = await editor.actions.run('addFlag', { ...(box !== null ? { cuboidId: box.id } : { location }), reason, comment });
    if (ok) {
      setComment('');
      setReason(NO_REASON);
    }
  };
  return (
    <div className="flag-form" data-testid="flag-form">
      <p className="muted" data-testid="flag-target">
        {box !== null
          ? `Flag the selected ${boxName(box)}`
          : 'No box selected: flag a missed object at x, y, z (m); or point at it in the view and press Shift+F'}
      </p>
      {box === null && (
        <div className="grid3">
          {(['x', 'y', 'z'] as const).map((axis, i) => (
            <label key={axis} className="num">
              {axis}
              <input
                inputMode="decimal"
                value={where[i]}
                onChange={(e) => setWhere((w) => w.map((v, k) => (k === i ? e.target.value : v)) as [string, string, string])}
                data-testid={`flag-location-${axis}`}
              />
            </label>
          ))}
        </div>
      )}
      <select value={reason} onChange={(e) => setReason(e.target.value)} data-testid="flag-reason" aria-label="Reason">
        <option value={NO_REASON} disabled>
          Reason (edge-case dictionary)…
        </option>
        {dictionary.edgeCases.map((e) => (
          <option key={e.id} value={e.id} title={e.rule}>
            {e.title}
          </option>
        ))}
      </select>
      <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="What is wrong" data-testid="flag-comment" />
      <button type="button" disabled={!ready} onClick={() => void submit()} data-testid="flag-add">
        Add flag
      </button>
    </div>
  );
}
