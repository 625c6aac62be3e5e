import { useEffect, useState } from 'react';
import { exportZipHref, fetchMetrics, fetchUsers, metricsCsvHref, type MetricsQuery, type UserInfo } from '../../services/metricsQueries.ts';
import type { MetricsReport } from '../../domain/metrics/MetricsReport.ts';
import { formatDuration, utcDay } from './formatMetrics.ts';
import { MetricsCharts } from './MetricsCharts.tsx';
import { MetricsTable } from './MetricsTable.tsx';
import { ExportSection } from './ExportSection.tsx';
import { runExportJob } from '../../services/exportJob.ts';
import './dashboard.css';

const DAY_MS = 86_400_000;

/**
 * Annotator ROI (leads): filters (UTC date range, user, idle limit), a table per user, plots of
 * boxes per hour and rework per day, and CSV downloads of the same figures. Everything comes from
 * `GET /api/metrics`, computed from the activity log. Below them, the training export download.
 */
export function MetricsDashboard({ onClose }: { onClose?: () => void }) {
  const [query, setQuery] = useState<MetricsQuery>(() => ({
    from: utcDay(new Date(Date.now() - 29 * DAY_MS)),
    to: utcDay(new Date()),
    user: '',
    idleMinutes: 5,
  }));
  const [report, setReport] = useState<MetricsReport | null>(null);
  const [users, setUsers] = useState<UserInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchUsers(abort.signal).then(setUsers, () => undefined);
    return () => abort.abort();
  }, []);
  useEffect(() => {
    const abort = new AbortController();
    fetchMetrics(query, abort.signal).then(
      (r) => {
        setReport(r);
        setError(null);
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => abort.abort();
  }, [query]);
  const set = (patch: Partial<MetricsQuery>) => setQuery((q) => ({ ...q, ...patch }));
  return (
    <section className="metrics-dashboard" aria-label="Annotator metrics" data-testid="metrics-dashboard">
      <header className="metrics-header">
        <h2>Annotator metrics</h2>
        <label>
          From
          <input type="date" value={query.from ?? ''} onChange={(e) => set({ from: e.target.value })} data-testid="metrics-from" />
        </label>
        <label>
          To
          <input type="date" value={query.to ?? ''} onChange={(e) => set({ to: e.target.value })} data-testid="metrics-to" />
        </label>
        <label>
          User
          <select value={query.user ?? ''} onChange={(e) => set({ user: e.target.value })} data-testid="metrics-user">
            <option value="">everyone</option>
            {users.map((u) => (
              <option key={u.name} value={u.name}>
                {u.name} ({u.role})
              </option>
            ))}
          </select>
        </label>
        <label title="Gaps between a user's actions longer than this are idle time">
          Idle after
          <select value={query.idleMinutes ?? 5} onChange={(e) => set({ idleMinutes: Number(e.target.value) })} data-testid="metrics-idle">
            {[2, 5, 10, 15, 30].map((m) => (
              <option key={m} value={m}>
                {m} min
              </option>
            ))}
          </select>
        </label>
        <span className="metrics-csv">
          CSV:{' '}
          <a href={metricsCsvHref(query, 'user')} download data-testid="metrics-csv-user">
            per user
          </a>{' '}
          ·{' '}
          <a href={metricsCsvHref(query, 'day')} download data-testid="metrics-csv-day">
            per day
          </a>{' '}
          ·{' '}
          <a href={metricsCsvHref(query, 'frame')} download data-testid="metrics-csv-frame">
            per frame
          </a>
        </span>
        {onClose !== undefined && (
          <button type="button" className="tool" onClick={onClose} data-testid="metrics-close">
            Close
          </button>
        )}
      </header>
      {error !== null && (
        <p className="review-error" role="alert">
          {error}
        </p>
      )}
      {report !== null && (
        <>
          <p className="muted metrics-note">
            Days are UTC. Active time counts the gaps between a user&apos;s saves and review steps up to {formatDuration(report.idleGapMs)}; longer gaps are
            idle.
          </p>
          <MetricsTable rows={report.users} total={report.total} roles={Object.fromEntries(users.map((u) => [u.name, u.role]))} />
          <MetricsCharts daily={report.daily} />
        </>
      )}
      <ExportSection hrefFor={exportZipHref} runJob={runExportJob} />
    </section>
  );
}
