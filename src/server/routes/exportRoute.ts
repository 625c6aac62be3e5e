import type { z } from 'zod';
import { exportQuerySchema } from '../../domain/api/requestSchemas.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import { exportDataset, type ExportOptions } from '../export/exportDataset.ts';
import { parseStatuses } from '../export/parseStatuses.ts';
import { ZipSink } from '../export/ZipSink.ts';
import { exportLabelFormat } from '../export/formats/exportLabelFormat.ts';
import { HttpError } from '../http/HttpError.ts';
import { exportZipName } from './exportZipName.ts';
import type { RouteContext } from './RouteContext.ts';

/** fflate writes no ZIP64 records: keep archives well under 4 GiB. */
const MAX_ZIP_BYTES = 3.5 * 1024 ** 3;

/**
 * `GET /api/export.zip?split=0.8&splitBy=auto&seed=S&status=accepted,submitted&bin=1&points=0&images=0&intensity=keep&format=F`:
 * the same tree as `cuboid export [--format F]`, streamed as a zip. Refuses (413) an archive that would pass the zip
 * format's 4 GiB limit; `points=0` leaves out the point clouds.
 */
export function registerExportRoute(app: ZodApp, ctx: RouteContext): void {
  app.get('/api/export.zip', { schema: { querystring: exportQuerySchema } }, async (request, reply) => {
    const opts = readExportQuery(request.query);
    const { dataset } = ctx.service;
    if (opts.points !== false) {
      let bytes = 0;
      for (const id of dataset.ids()) bytes += dataset.get(id)?.points.bytes ?? 0;
      if (bytes > MAX_ZIP_BYTES) {
        throw new HttpError(413, 'export_too_large', 'the point clouds pass the 4 GiB zip limit: use `cuboid export` or add points=0');
      }
    }
    const sink = new ZipSink();
    const format = request.query.format ?? 'kitti';
    const name = exportZipName(dataset.root, format, request.query.status);
    const { bin: _bin, images: _images, ...labelOpts } = opts;
    // Point files are parsed and converted on the check pool's threads, not this event loop.
    const { fileReader } = ctx;
    const run =
      format === 'kitti'
        ? exportDataset(ctx.service, sink, { ...opts, fileReader })
        : exportLabelFormat(ctx.service, sink, { ...labelOpts, format, fileReader });
    void run.catch((err: unknown) => {
      request.log.error({ err }, 'export.zip failed');
      sink.abort(err instanceof Error ? err : new Error(String(err)));
    });
    return reply.type('application/zip').header('Content-Disposition', `attachment; filename="${name}"`).header('Cache-Control', 'no-store').send(sink.stream);
  });
}

function readExportQuery(query: z.output<typeof exportQuerySchema>): ExportOptions {
  const { status } = query;
  const opts: ExportOptions = {};
  if (query.split !== undefined) opts.split = query.split;
  if (query.seed !== undefined) opts.seed = query.seed;
  if (query.splitBy !== undefined) opts.splitBy = query.splitBy;
  if (query.intensity !== undefined) opts.intensity = query.intensity;
  for (const key of ['bin', 'points', 'images'] as const) {
    const v = query[key];
    if (v !== undefined) opts[key] = v;
  }
  if (status !== undefined) {
    try {
      opts.statuses = parseStatuses(status);
    } catch (err) {
      throw new HttpError(400, 'invalid_query', err instanceof Error ? err.message : String(err));
    }
  }
  return opts;
}
