import { z } from 'zod';
import { metricsCsvQuerySchema, metricsQuerySchema } from '../../domain/api/requestSchemas.ts';
import { metricsReplySchema } from '../../domain/api/replySchemas.ts';
import { computeMetrics } from '../../domain/metrics/computeMetrics.ts';
import { DEFAULT_IDLE_GAP_MS, type MetricsReport } from '../../domain/metrics/MetricsReport.ts';
import { metricsToCsv } from '../../domain/metrics/metricsToCsv.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import type { RouteContext } from './RouteContext.ts';

type MetricsQuery = z.output<typeof metricsQuerySchema>;

/**
 * Annotator ROI (lead only): `GET /api/metrics?from=2024-05-01&to=2024-05-31&user=NAME&idle=5`
 * answers the `MetricsReport` computed from the activity log (`from`/`to`: UTC days, inclusive,
 * or ISO instants; `idle`: the idle gap in minutes, default 5). `GET /api/metrics.csv?table=user|day|frame`
 * with the same filters answers one table of it as CSV.
 */
export function registerMetricsRoutes(app: ZodApp, ctx: RouteContext): void {
  const report = async (query: MetricsQuery): Promise<MetricsReport> => {
    const from = readInstant(query.from, 'from', 'start');
    const to = readInstant(query.to, 'to', 'end');
    const { user } = query;
    const idleGapMs = query.idle !== undefined ? query.idle * 60_000 : DEFAULT_IDLE_GAP_MS;
    // Everything up to `to`: events before `from` still time the verdicts after it.
    const events = await ctx.service.storage.listActivityRange(to !== undefined ? { to } : {});
    return computeMetrics(events, {
      idleGapMs,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(user !== undefined ? { user } : {}),
    });
  };

  app.get('/api/metrics', { schema: { querystring: metricsQuerySchema, response: { 200: metricsReplySchema } } }, async (request, reply) => {
    return reply.header('Cache-Control', 'no-store').send(await report(request.query));
  });

  const csvReply = { 200: z.string().describe('text/csv, one table of the report') };
  app.get('/api/metrics.csv', { schema: { querystring: metricsCsvQuerySchema, response: csvReply } }, async (request, reply) => {
    const table = request.query.table ?? 'user';
    const csv = metricsToCsv(await report(request.query), table);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="cuboid-metrics-by-${table}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(csv);
  });
}

/** A UTC day `YYYY-MM-DD` (its first or last millisecond) or an ISO instant, as an ISO instant. */
function readInstant(v: string | undefined, key: string, edge: 'start' | 'end'): string | undefined {
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
