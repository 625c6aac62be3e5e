import type { MetricsRow } from '../../domain/metrics/MetricsReport.ts';
import { formatBoxesPerHour, formatDuration, formatNumber, formatPercent, hasRateBasis } from './formatMetrics.ts';

interface Column {
  label: string;
  title: string;
  value: (r: MetricsRow) => string;
  /** A tooltip for one cell, e.g. why it shows no value. */
  cellTitle?: (r: MetricsRow) => string | undefined;
}

const TOO_LITTLE_TIME = 'Too little active time (under 1 min) for a per-hour rate';

const COLUMNS: Column[] = [
  { label: 'Active', title: 'Active time (gaps over the idle limit excluded)', value: (r) => formatDuration(r.activeMs) },
  { label: 'Frames', title: 'Frames worked on', value: (r) => String(r.frames) },
  { label: 'Per frame', title: 'Active time per frame', value: (r) => formatDuration(r.activeMsPerFrame) },
  { label: 'Boxes', title: 'Boxes created (drawn or fitted)', value: (r) => String(r.boxesCreated) },
  {
    label: 'Changed',
    title: 'Existing boxes (imported pre-labels or earlier work) moved, resized, turned or relabelled; removed in brackets',
    value: (r) => (r.boxesRemoved === 0 ? String(r.boxesChanged) : `${r.boxesChanged} (${r.boxesRemoved} removed)`),
  },
  { label: 'Fit share', title: 'Share of created boxes made by one-click fit', value: (r) => formatPercent(r.fitShare, 0) },
  { label: 'Per box', title: 'Active time per created box', value: (r) => formatDuration(r.activeMsPerBox) },
  {
    label: 'Boxes/h',
    title: 'Boxes created per active hour (shown from 1 min of active time)',
    value: formatBoxesPerHour,
    cellTitle: (r) => (hasRateBasis(r) ? undefined : TOO_LITTLE_TIME),
  },
  { label: 'Submits', title: 'Frames submitted', value: (r) => String(r.submits) },
  { label: 'Overrides', title: 'Check errors overridden with a reason at submit', value: (r) => String(r.checkOverrides) },
  { label: 'Flags/100', title: 'Review flags received per 100 boxes submitted (rework rate)', value: (r) => formatNumber(r.flagsPer100Boxes, 1) },
  {
    label: 'Rejected',
    title: 'Frames rejected (share of submits)',
    value: (r) => (r.framesRejected === 0 ? '0' : `${r.framesRejected} (${formatPercent(r.rejectRate, 0)})`),
  },
  { label: 'Verdicts', title: 'As reviewer: accepted / rejected', value: (r) => (r.accepts + r.rejects === 0 ? '–' : `${r.accepts} / ${r.rejects}`) },
  {
    label: 'Turnaround',
    title: 'As reviewer: submit to verdict, mean (median)',
    value: (r) => (r.turnaroundMeanMs === null ? '–' : `${formatDuration(r.turnaroundMeanMs)} (${formatDuration(r.turnaroundMedianMs)})`),
  },
];

/** Row order: annotators, then reviewers, then leads, then users the server no longer knows; by name within each. */
const ROLE_ORDER = ['annotator', 'reviewer', 'lead'];

/**
 * One row per user with their role (`roles`: name → role, from `GET /api/users`), annotators
 * first, then the total. Boxes counts what a user created; Changed, what they corrected.
 */
export function MetricsTable({ rows, total, roles = {} }: { rows: readonly MetricsRow[]; total: MetricsRow; roles?: Readonly<Record<string, string>> }) {
  if (rows.length === 0) return <p className="muted">No activity in this range.</p>;
  const rank = (user: string) => {
    const i = ROLE_ORDER.indexOf(roles[user] ?? '');
    return i < 0 ? ROLE_ORDER.length : i;
  };
  const ordered = [...rows].sort((a, b) => rank(a.user) - rank(b.user) || (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
  return (
    <div className="metrics-table-wrap">
      <table className="metrics-table" data-testid="metrics-table">
        <thead>
          <tr>
            <th>User</th>
            <th title="The user's role now">Role</th>
            {COLUMNS.map((c) => (
              <th key={c.label} title={c.title}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ordered.map((r) => (
            <tr key={r.user} data-testid="metrics-row" data-user={r.user} data-role={roles[r.user] ?? ''}>
              <td>{r.user}</td>
              <td className="muted">{roles[r.user] ?? '–'}</td>
              {COLUMNS.map((c) => (
                <td key={c.label} title={c.cellTitle?.(r)}>
                  {c.value(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr data-testid="metrics-total">
              <td>All</td>
              <td />
              {COLUMNS.map((c) => (
                <td key={c.label} title={c.cellTitle?.(total)}>
                  {c.value(total)}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
