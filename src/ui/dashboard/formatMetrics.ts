/** Display helpers for the metrics dashboard. `null` (no denominator) shows as an en dash. */

const DASH = '–';

/** A duration: `45 s`, `12.5 min`, `3 h 05 min`. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return DASH;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.round((ms - h * 3_600_000) / 60_000);
  return m === 60 ? `${h + 1} h 00 min` : `${h} h ${String(m).padStart(2, '0')} min`;
}

/** A fraction as a percentage: `62.5 %`. */
export function formatPercent(v: number | null, digits = 1): string {
  return v === null ? DASH : `${(v * 100).toFixed(digits)} %`;
}

/** A number with fixed decimals. */
export function formatNumber(v: number | null, digits = 1): string {
  return v === null ? DASH : v.toFixed(digits);
}

/** Below this much active time a per-hour rate is noise (6 s and one box read as 600 boxes/h). */
export const MIN_ACTIVE_MS_FOR_RATE = 60_000;

/** Whether a row has enough active time for its per-hour rate to mean anything. */
export function hasRateBasis(row: { activeMs: number }): boolean {
  return row.activeMs >= MIN_ACTIVE_MS_FOR_RATE;
}

/** Boxes per active hour, one decimal; `—` under a minute of active time or without boxes. */
export function formatBoxesPerHour(row: { activeMs: number; boxesPerHour: number | null }): string {
  return hasRateBasis(row) ? formatNumber(row.boxesPerHour, 1) : '—';
}

/** A colour per series, stable for a user's position in the list. */
export function seriesColor(index: number): string {
  const palette = ['#4c8dff', '#f5b93d', '#7ee2a0', '#ff6b6b', '#c792ea', '#46c9d6', '#f78c6c', '#a9b4ff'];
  return palette[index % palette.length];
}

/** `YYYY-MM-DD` of a date in UTC (the metrics' days are UTC days). */
export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
