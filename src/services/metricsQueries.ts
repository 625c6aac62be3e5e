import type { MetricsReport } from '../domain/metrics/MetricsReport.ts';
import type { MetricsCsvTable } from '../domain/metrics/metricsToCsv.ts';
import { api, type MetricsQuery, type UserInfo } from '../io/apiClient.ts';

export type { MetricsQuery, UserInfo };

/** The metrics report for the dashboard's filters (lead only). */
export function fetchMetrics(query: MetricsQuery, signal?: AbortSignal): Promise<MetricsReport> {
  return api.getMetrics(query, signal);
}

/** Download link of one table of the report as CSV. */
export function metricsCsvHref(query: MetricsQuery, table: MetricsCsvTable): string {
  return api.metricsCsvUrl({ ...query, table });
}

/** What an export download holds: only accepted frames (for training) or every frame. */
export type ExportScope = 'accepted' | 'all';

/** The training-export download: accepted frames only, or every frame; clouds as KITTI `.bin`. */
export function exportZipHref(scope: ExportScope): string {
  return api.exportZipUrl({ ...(scope === 'accepted' ? { statuses: ['accepted'] } : {}), bin: true });
}

/** Every user (for the annotator filter). */
export function fetchUsers(signal?: AbortSignal): Promise<UserInfo[]> {
  return api.listUsers(signal);
}
