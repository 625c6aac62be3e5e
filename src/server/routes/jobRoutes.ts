import { exportZipName } from './exportZipName.ts';
import { exportJobBodySchema, exportQuerySchema } from '../../domain/api/requestSchemas.ts';
import { jobCreatedSchema, jobParamsSchema, jobStatusSchema, type JobCreatedReply, type JobStatusReply } from '../../domain/api/jobSchemas.ts';
import type { AnnotationService } from '../AnnotationService.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import type { ExportJobInput, JobRunner } from '../jobs/JobRunner.ts';

/** fflate writes no ZIP64 records: keep archives well under 4 GiB (as `GET /api/export.zip`). */
const MAX_ZIP_BYTES = 3.5 * 1024 ** 3;

/** What the job routes need: the runner, and which dataset an export job reads. */
export interface JobRouteContext {
  jobs: JobRunner;
  service: AnnotationService;
  /** The layout of the dataset's raw `.bin` files given to the server (`--bin-layout`), for workers. */
  binLayout?: string;
}

/**
 * Background jobs (leads):
 * - `POST /api/jobs/export?…` (the query of `GET /api/export.zip`): queues the training export
 *   and answers 202 with the job's id at once;
 * - `GET /api/jobs/:id`: its state (`queued`, `running`, `done`, `failed`), progress 0..1 (the
 *   fraction of frames exported), attempts, and the result or the error;
 * - `GET /api/jobs/:id/file`: the finished zip (409 `job_not_done` before).
 * In the SQLite mode the job runs in the server's process; with `--db` a `cuboid worker` runs it
 * and any replica answers these routes.
 */
export function registerJobRoutes(app: ZodApp, ctx: JobRouteContext): void {
  app.post(
    '/api/jobs/export',
    { schema: { querystring: exportQuerySchema, body: exportJobBodySchema.optional(), response: { 202: jobCreatedSchema } } },
    async (request, reply) => {
      const { dataset } = ctx.service;
      const q = request.query;
      if (q.points !== false) {
        let bytes = 0;
        for (const id of dataset.ids()) bytes += dataset.get(id)?.points.bytes ?? 0;
        if (bytes > MAX_ZIP_BYTES)
          throw new HttpError(413, 'export_too_large', 'the point clouds pass the 4 GiB zip limit: use `cuboid export` or add points=0');
      }
      const format = q.format ?? 'kitti';
      const input: ExportJobInput = {
        dataDir: dataset.root,
        ...(ctx.binLayout !== undefined ? { binLayout: ctx.binLayout } : {}),
        fileName: exportZipName(dataset.root, format, q.status),
        format,
        ...(q.split !== undefined ? { split: q.split } : {}),
        ...(q.seed !== undefined ? { seed: q.seed } : {}),
        ...(q.splitBy !== undefined ? { splitBy: q.splitBy } : {}),
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.bin !== undefined ? { bin: q.bin } : {}),
        ...(q.points !== undefined ? { points: q.points } : {}),
        ...(q.images !== undefined ? { images: q.images } : {}),
        ...(q.intensity !== undefined ? { intensity: q.intensity } : {}),
      };
      const id = await ctx.jobs.enqueue('export', input);
      const created: JobCreatedReply = { id, kind: 'export', state: 'queued' };
      return reply.code(202).header('Location', `/api/jobs/${id}`).send(created);
    },
  );

  app.get('/api/jobs/:id', { schema: { params: jobParamsSchema, response: { 200: jobStatusSchema } } }, async (request, reply): Promise<JobStatusReply> => {
    const status = await ctx.jobs.status(request.params.id);
    if (status === null) throw new HttpError(404, 'job_not_found', `no job ${request.params.id} (jobs are kept a day after they end)`);
    void reply.header('Cache-Control', 'no-store');
    return status;
  });

  app.get('/api/jobs/:id/file', { schema: { params: jobParamsSchema } }, async (request, reply) => {
    const { id } = request.params;
    const status = await ctx.jobs.status(id);
    if (status === null) throw new HttpError(404, 'job_not_found', `no job ${id} (jobs are kept a day after they end)`);
    if (status.state !== 'done') {
      const why = status.state === 'failed' ? `it failed: ${status.error?.detail ?? 'no reason recorded'}` : `it is ${status.state}`;
      throw new HttpError(409, 'job_not_done', `job ${id} has no file: ${why}`, { state: status.state });
    }
    const file = await ctx.jobs.openFile(id);
    if (file === null) throw new HttpError(404, 'job_file_missing', `job ${id} left no file`);
    const name = (status.result as { fileName?: unknown } | undefined)?.fileName;
    return reply
      .type('application/zip')
      .header('Content-Length', String(file.bytes))
      .header('Content-Disposition', `attachment; filename="${typeof name === 'string' ? name : `${id}.zip`}"`)
      .header('Cache-Control', 'no-store')
      .send(file.stream);
  });
}
