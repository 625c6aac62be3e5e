import type { ReactNode } from 'react';
import { useAppStore } from '../render/EditorContext.ts';

const CHOICES = [0, 1, 2, 5, 10, 25];

/**
 * Multi-sweep accumulation in the view panel: how many sweeps before and after the open frame to
 * merge (through the ego poses), colour by time, and what the merge is doing.
 */
export function MergeControls() {
  const m = useAppStore((s) => s.merge);
  const setSweeps = useAppStore((s) => s.setMergeSweeps);
  const setByTime = useAppStore((s) => s.setMergeColorByTime);
  const status =
    m.stale !== null && m.status !== 'loading'
      ? 'updating'
      : m.status === 'loading'
        ? `merging ${m.sweepsDone}/${m.sweepCount}`
        : m.status === 'ready'
          ? shownStatus(m.drawn, m.points, m.detail)
          : null;
  return (
    <>
      <label title="Merge the sweeps before and after this frame into it, placed by the ego poses (static objects line up; moving ones smear along their path)">
        <span className="control-name">Sweeps</span> ±
        <select value={m.sweeps} onChange={(e) => setSweeps(Number(e.target.value))} data-testid="merge-sweeps">
          {CHOICES.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? 'off' : n}
            </option>
          ))}
        </select>
      </label>
      {m.sweeps > 0 && m.status !== 'unavailable' ? (
        <label title="Colour merged points by the sweep they came from (blue earlier, red later)">
          <input type="checkbox" checked={m.colorByTime} onChange={(e) => setByTime(e.target.checked)} data-testid="merge-time-colour" />
          <span className="control-name">by </span>time
        </label>
      ) : null}
      {status ? (
        <span
          className="merge-status"
          data-testid="merge-status"
          title={
            `${m.points.toLocaleString()} points from ${m.sweepCount} sweeps; ${m.drawn.toLocaleString()} drawn (the point budget)` +
            (m.detail?.status === 'ready' ? `; every point within ${m.detail.radius} m of where the view looks: ${m.detail.points.toLocaleString()}` : '') +
            (m.detail?.status === 'error' ? `; the detail where the view looks failed: ${m.detail.message ?? 'no reason given'}` : '')
          }
        >
          {status}
        </span>
      ) : null}
      {m.message && m.sweeps > 0 ? (
        // The whole message is in the view (`MergeNotice`): the toolbar has room for a word.
        <span className="merge-status merge-message" title={m.message} data-testid="merge-short-message">
          {m.status === 'unavailable' || m.status === 'error' ? 'not merged' : 'some skipped'}
        </span>
      ) : null}
    </>
  );
}

/**
 * "0.5/2.4M shown +312k within 12 m": drawn of merged, and the detail past the budget where the
 * view looks closely. The words (`merge-word`) drop out in a narrow toolbar ("0.5/2.4M +312k"),
 * the figures stay whole; the tooltip says it all.
 */
function shownStatus(drawn: number, points: number, d: { points: number; radius: number; status: string } | null): ReactNode {
  const word = (text: string) => <span className="merge-word">{text}</span>;
  const detail =
    d === null || (d.status === 'ready' && d.points === 0) ? null : d.status === 'loading' ? (
      ' +detail…'
    ) : d.status === 'error' ? (
      ' (no detail)'
    ) : (
      <>
        {` +${d.points >= 1e6 ? `${(d.points / 1e6).toFixed(1)}M` : `${Math.round(d.points / 1e3)}k`}`}
        {word(` within ${d.radius} m`)}
      </>
    );
  return (
    <>
      {`${+(drawn / 1e6).toFixed(2)}/${+(points / 1e6).toFixed(2)}M`}
      {word(' shown')}
      {detail}
    </>
  );
}
