import type { FastifyInstance } from 'fastify';
import { computeMetrics } from '../../domain/metrics/computeMetrics.ts';
import { DEFAULT_IDLE_GAP_MS, type MetricsReport } from '../../domain/metrics/MetricsReport.ts';
import { metricsToCsv, type MetricsCsvTable } from '../../domain/metrics/metricsToCsv.ts';
import { isValidUserName } from '../../domain/review/Role.ts';
import { HttpError } from '../http/HttpError.ts';
import type { RouteContext } from './RouteContext.ts';

/**
 * Annotator ROI (lead only): `GET /api/metrics?from=2024-05-01&to=2024-05-31&user=NAME&idle=5`
 * answers the `MetricsReport` computed from the activity log (`from`/`to`: UTC days, inclusive,
 * or ISO instants; `idle`: the idle gap in minutes, default 5). `GET /api/metrics.csv?table=user|day|frame`
 * with the same filters answers one table of it as CSV.
 */
export function registerMetricsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const report = async (query: Record<string, unknown>): Promise<MetricsReport> => {
    const from = readInstant(query, 'from', 'start');
    const to = readInstant(query, 'to', 'end');
    const user = readString(query, 'user');
    if (user !== undefined && !isValidUserName(user)) throw new HttpError(400, 'invalid_query', 'user: not a user name');
    const idle = readString(query, 'idle');
    let idleGapMs = DEFAULT_IDLE_GAP_MS;
    if (idle !== undefined) {
      const minutes = Number(idle);
      if (idle.trim() === '' || !(minutes > 0 && minutes <= 24 * 60)) throw new HttpError(400, 'invalid_query', 'idle: expected minutes from 0 to 1440');
      idleGapMs = minutes * 60_000;
    }
    // Everything up to `to`: events before `from` still time the verdicts after it.
    const events = await ctx.service.storage.listActivityRange(to !== undefined ? { to } : {});
    return computeMetrics(events, {
      idleGapMs,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(user !== undefined ? { user } : {}),
    });
  };

  app.get('/api/metrics', async (request, reply) => {
    return reply.header('Cache-Control', 'no-store').send(await report(request.query as Record<string, unknown>));
  });

  app.get('/api/metrics.csv', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const table = readString(query, 'table') ?? 'user';
    if (table !== 'user' && table !== 'day' && table !== 'frame') throw new HttpError(400, 'invalid_query', 'table: expected user, day or frame');
    const csv = metricsToCsv(await report(query), table as MetricsCsvTable);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="cuboid-metrics-by-${table}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(csv);
  });
}

function readString(query: Record<string, unknown>, key: string): string | undefined {
  const v = query[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new HttpError(400, 'invalid_query', `${key}: give it once`);
  return v;
}

/** A UTC day `YYYY-MM-DD` (its first or last millisecond) or an ISO instant, as an ISO instant. */
function readInstant(query: Record<string, unknown>, key: string, edge: 'start' | 'end'): string | undefined {
  const v = readString(query, key);
  if (v === undefined || v === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const t = Date.parse(`${v}T00:00:00.000Z`);
    if (Number.isNaN(t)) throw new HttpError(400, 'invalid_query', `${key}: not a date`);
    return new Date(edge === 'start' ? t : t + 86_400_000 - 1).toISOString();
  }
  const t = Date.parse(v);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(t)) throw new HttpError(400, 'invalid_query', `${key}: expected YYYY-MM-DD or an ISO time`);
  return new Date(t).toISOString();
}
