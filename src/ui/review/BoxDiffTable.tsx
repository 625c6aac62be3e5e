import { useAppStore, useEditor } from '../../render/EditorContext.ts';
import { defaultDiffFrom } from '../../domain/review/defaultDiffFrom.ts';
import type { AnnotationDiff } from '../../domain/review/diffAnnotations.ts';
import { formatClass, formatDPosition, formatDSize, formatDYaw, formatOtherChanges } from './formatDelta.ts';

type Preset = 'first' | 'previous' | 'last' | 'import';

/**
 * The per-box diff of the open frame: boxes added, removed or changed between two revisions
 * (default: the first submitted one, or the import when nothing changed since that submit
 * (`defaultDiffFrom`), and the accepted or current one; "since
 * import" shows what the annotator changed on imported pre-labels), with Δ position, Δ size,
 * Δ yaw and class changes, and the track or attributes when those changed (an occlusion level
 * set alone is a row of zero deltas otherwise). Click a row to select its box.
 */
export function BoxDiffTable() {
  const editor = useEditor();
  const diff = useAppStore((s) => s.review.diff);
  const info = useAppStore((s) => s.review.info);
  const range = useAppStore((s) => s.review.diffRange);
  const setDiffRange = (range: { from?: number }) => editor.actions.run('setDiffRange', range);
  if (diff === null || info === null) return null;
  const submits = info.submittedRevisions;
  const imported = info.importedRevision;
  const preset: Preset =
    range.from === undefined
      ? defaultDiffFrom(submits, imported, info.acceptedRevision ?? info.revision) === imported
        ? 'import'
        : 'first'
      : range.from === imported
        ? 'import'
        : submits.length >= 2 && range.from === submits[submits.length - 2]
          ? 'previous'
          : 'last';
  const choose = (p: Preset) => {
    if (p === 'import' && imported !== null) void setDiffRange({ from: imported });
    else if (p === 'first') void setDiffRange({});
    else if (p === 'previous') void setDiffRange({ from: submits[submits.length - 2] });
    else void setDiffRange({ from: submits[submits.length - 1] });
  };
  const rows = diff.boxes.filter((b) => b.change !== 'unchanged');
  const marks = [...(diff.marks?.added ?? []).map((d) => ['added', d] as const), ...(diff.marks?.removed ?? []).map((d) => ['removed', d] as const)];
  return (
    <div className="diff" data-testid="diff">
      <div className="review-row">
        <span className="muted">
          Changes r{diff.fromRevision} → r{diff.toRevision}
        </span>
        {(submits.length > 0 || imported !== null) && (
          <select value={preset} onChange={(e) => choose(e.target.value as Preset)} data-testid="diff-range" aria-label="Compare">
            {imported !== null && <option value="import">since import (r{imported})</option>}
            {submits.length > 0 && <option value="first">since first submit</option>}
            {submits.length >= 2 && <option value="previous">since previous submit</option>}
            {submits.length > 0 && <option value="last">since last submit</option>}
          </select>
        )}
      </div>
      <p className="muted diff-counts" data-testid="diff-counts">
        {diff.counts.added} added · {diff.counts.removed} removed · {diff.counts.changed} changed · {diff.counts.unchanged} unchanged
        {marksText(diff.marks) !== '' && ` · ${marksText(diff.marks)}`}
      </p>
      {marks.length > 0 && (
        <ul className="diff-marks" data-testid="diff-marks">
          {marks.map(([change, d]) => (
            <li key={`${change}-${d.id}`} className={`diff-${change}`} data-change={change}>
              {change === 'added' ? 'marked' : 'mark taken back'}: {d.label !== undefined ? `not a ${d.label}` : 'not an object'} at ({d.location[0].toFixed(1)}
              , {d.location[1].toFixed(1)}){d.reason ? <span className="muted"> · {d.reason}</span> : null}
              {d.by ? <span className="muted"> · {d.by}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {rows.length > 0 && (
        <table className="diff-table" data-testid="diff-table">
          <thead>
            <tr>
              <th>Box</th>
              <th>Δ position</th>
              <th>Δ size</th>
              <th>Δ yaw</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr
                key={b.cuboidId}
                className={`diff-${b.change}`}
                data-testid="diff-row"
                data-change={b.change}
                onClick={() => b.change !== 'removed' && editor.store.getState().select([b.cuboidId])}
              >
                <td title={b.cuboidId}>
                  {b.change === 'changed' ? '' : `${b.change} `}
                  {formatClass(b)}
                  {formatOtherChanges(b) !== '' && <span className="muted diff-other"> · {formatOtherChanges(b)}</span>}
                </td>
                <td>{formatDPosition(b)}</td>
                <td>{formatDSize(b)}</td>
                <td>{formatDYaw(b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** "1 “not an object” mark made · 1 taken back", or '' when none changed (an older server sends no marks). */
function marksText(marks: AnnotationDiff['marks'] | undefined): string {
  if (marks === undefined) return '';
  const parts: string[] = [];
  const n = (k: number) => `${k} “not an object” mark${k === 1 ? '' : 's'}`;
  if (marks.added.length > 0) parts.push(`${n(marks.added.length)} made`);
  if (marks.removed.length > 0) parts.push(`${marks.added.length > 0 ? marks.removed.length : n(marks.removed.length)} taken back`);
  return parts.join(' · ');
}
