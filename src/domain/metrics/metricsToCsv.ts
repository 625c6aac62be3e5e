import type { DailyMetricsRow, FrameMetricsRow, MetricsReport, MetricsRow } from './MetricsReport.ts';

/** Which table of a report a CSV holds: one row per user, per user and day, or per frame and user. */
export type MetricsCsvTable = 'user' | 'day' | 'frame';

type Column<R> = [header: string, value: (row: R) => string];

const num = (v: number | null, digits: number): string => (v === null ? '' : v.toFixed(digits));
const minutes = (ms: number | null): string => num(ms === null ? null : ms / 60_000, 2);
const hours = (ms: number | null): string => num(ms === null ? null : ms / 3_600_000, 3);

const ROW_COLUMNS: Column<MetricsRow>[] = [
  ['user', (r) => r.user],
  ['active_minutes', (r) => minutes(r.activeMs)],
  ['frames', (r) => String(r.frames)],
  ['minutes_per_frame', (r) => minutes(r.activeMsPerFrame)],
  ['boxes_created', (r) => String(r.boxesCreated)],
  ['boxes_fit', (r) => String(r.boxesFit)],
  ['boxes_manual', (r) => String(r.boxesManual)],
  ['fit_share', (r) => num(r.fitShare, 3)],
  ['seconds_per_box', (r) => num(r.activeMsPerBox === null ? null : r.activeMsPerBox / 1000, 1)],
  ['boxes_per_hour', (r) => num(r.boxesPerHour, 2)],
  ['boxes_changed', (r) => String(r.boxesChanged)],
  ['boxes_removed', (r) => String(r.boxesRemoved)],
  ['submits', (r) => String(r.submits)],
  ['boxes_submitted', (r) => String(r.boxesSubmitted)],
  ['check_overrides', (r) => String(r.checkOverrides)],
  ['submits_with_overrides', (r) => String(r.submitsWithOverrides)],
  ['flags_received', (r) => String(r.flagsReceived)],
  ['flags_per_100_boxes', (r) => num(r.flagsPer100Boxes, 2)],
  ['frames_rejected', (r) => String(r.framesRejected)],
  ['reject_rate', (r) => num(r.rejectRate, 3)],
  ['accepts', (r) => String(r.accepts)],
  ['rejects', (r) => String(r.rejects)],
  ['flags_raised', (r) => String(r.flagsRaised)],
  ['turnaround_mean_hours', (r) => hours(r.turnaroundMeanMs)],
  ['turnaround_median_hours', (r) => hours(r.turnaroundMedianMs)],
];

const FRAME_COLUMNS: Column<FrameMetricsRow>[] = [
  ['frame', (r) => r.frameId],
  ['user', (r) => r.user],
  ['active_minutes', (r) => minutes(r.activeMs)],
  ['boxes_created', (r) => String(r.boxesCreated)],
  ['saves', (r) => String(r.saves)],
];

/**
 * One table of a metrics report as CSV (RFC 4180: comma-separated, CRLF line ends, fields with
 * a comma, quote or line break quoted). Durations are in minutes (active time) or hours
 * (turnaround), ratios as fractions; an empty cell means "no denominator". Cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) get a leading `'`.
 */
export function metricsToCsv(report: MetricsReport, table: MetricsCsvTable): string {
  if (table === 'frame') return toCsv(report.frames, FRAME_COLUMNS);
  if (table === 'day') {
    const dayColumns: Column<DailyMetricsRow>[] = [['day', (r) => r.day], ...(ROW_COLUMNS as Column<DailyMetricsRow>[])];
    return toCsv(report.daily, dayColumns);
  }
  return toCsv(report.users, ROW_COLUMNS);
}

function toCsv<R>(rows: readonly R[], columns: readonly Column<R>[]): string {
  const lines = [columns.map(([h]) => h).join(',')];
  for (const row of rows) lines.push(columns.map(([, value]) => cell(value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function cell(text: string): string {
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
