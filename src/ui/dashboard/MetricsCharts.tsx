import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DailyMetricsRow } from '../../domain/metrics/MetricsReport.ts';
import { hasRateBasis, seriesColor } from './formatMetrics.ts';
import { SingleDayTable } from './SingleDayTable.tsx';

type Series = Record<string, string | number | null>;

/**
 * One chart row per UTC day with a value per user: `{day, alice: 41.2, bob: null}`. Days on which
 * a user did nothing have no value (a gap in the line), not a zero.
 */
export function pivotDaily(rows: readonly DailyMetricsRow[], value: (r: DailyMetricsRow) => number | null): { data: Series[]; users: string[] } {
  const users = [...new Set(rows.map((r) => r.user))].sort();
  const byDay = new Map<string, Series>();
  for (const r of rows) {
    const entry = byDay.get(r.day) ?? { day: r.day };
    const v = value(r);
    entry[r.user] = v === null ? null : Math.round(v * 100) / 100;
    byDay.set(r.day, entry);
  }
  return { data: [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day))), users };
}

/** Whether any cell of a pivot holds a value (every day can be a gap). */
function hasAnyValue({ data, users }: { data: Series[]; users: string[] }): boolean {
  return data.some((row) => users.some((u) => typeof row[u] === 'number'));
}

const AXIS = { stroke: '#8b95a7', fontSize: 11 };
/** Widest bar, px: with few days a bar would otherwise fill its whole day's slot. */
const MAX_BAR_PX = 40;
const TOOLTIP = { contentStyle: { background: '#161b22', border: '1px solid #262d38', color: '#d7dde8' } };

/** Boxes per active hour per day (lines) and rework per day: review flags per 100 submitted boxes (bars). */
export function MetricsCharts({ daily }: { daily: readonly DailyMetricsRow[] }) {
  const everyone = [...new Set(daily.map((r) => r.user))].sort();
  const color = (user: string) => seriesColor(everyone.indexOf(user));
  // A day with under a minute of active time has no meaningful rate: a gap, not a spike.
  const speed = pivotDaily(
    daily.filter((r) => r.boxesCreated > 0),
    (r) => (hasRateBasis(r) ? r.boxesPerHour : null),
  );
  const rework = pivotDaily(
    daily.filter((r) => r.boxesSubmitted > 0),
    (r) => r.flagsPer100Boxes,
  );
  return (
    <div className="metrics-charts">
      <figure data-testid="chart-boxes-per-hour">
        <figcaption>Boxes per active hour, per day</figcaption>
        {speed.data.length === 0 ? (
          <p className="muted">No boxes created in this range.</p>
        ) : !hasAnyValue(speed) ? (
          <p className="muted">Too little active time (under 1 min on every day) for a per-hour rate.</p>
        ) : speed.data.length === 1 ? (
          <SingleDayTable row={speed.data[0]} users={speed.users} valueLabel="Boxes per active hour" color={color} testId="single-day-boxes-per-hour" />
        ) : (
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={speed.data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="#262d38" />
              <XAxis dataKey="day" {...AXIS} />
              <YAxis {...AXIS} allowDecimals={false} />
              <Tooltip {...TOOLTIP} />
              <Legend />
              {speed.users.map((u) => (
                <Line key={u} type="monotone" dataKey={u} stroke={color(u)} dot connectNulls={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        )}
      </figure>
      <figure data-testid="chart-rework">
        <figcaption>Rework: review flags per 100 submitted boxes, per day</figcaption>
        {rework.data.length === 0 ? (
          <p className="muted">No frames submitted in this range.</p>
        ) : rework.data.length === 1 ? (
          <SingleDayTable row={rework.data[0]} users={rework.users} valueLabel="Flags per 100 boxes" color={color} testId="single-day-rework" />
        ) : (
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={rework.data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="#262d38" />
              <XAxis dataKey="day" {...AXIS} />
              <YAxis {...AXIS} />
              <Tooltip {...TOOLTIP} />
              <Legend />
              {rework.users.map((u) => (
                <Bar key={u} dataKey={u} fill={color(u)} maxBarSize={MAX_BAR_PX} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )}
      </figure>
    </div>
  );
}
