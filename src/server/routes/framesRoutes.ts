import { createHash } from 'node:crypto';
import path from 'node:path';
import { displayPath } from '../dataset/fileError.ts';
import { z } from 'zod';
import type { RouteContext } from './RouteContext.ts';
import type { DatasetInfo } from '../../domain/api/wireTypes.ts';
import { datasetInfoSchema, frameListItemSchema } from '../../domain/api/replySchemas.ts';
import type { ZodApp } from '../http/zodRoutes.ts';

/** `GET /api/frames` (the frame list) and `GET /api/dataset` (what is being served). */
export function registerFramesRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get('/api/frames', { schema: { response: { 200: z.array(frameListItemSchema) } } }, async () => {
    const [frames, { dictionary }] = await Promise.all([ctx.service.listFrames(), ctx.dictionaries.load(), ctx.checkSummaries.warm()]);
    // A summary is shown while the frames around its frame are as they were (their tracks feed its
    // checks); when that cannot be told now (the poses file unreadable), the page asks for each.
    const around = await ctx.trackWindows.aroundAll(new Map(frames.map((f) => [f.id, f.revision]))).catch(() => null);
    return frames.map((f) => {
      const c = around === null ? undefined : ctx.checkSummaries.cached(f.id, f.revision, dictionary.version, around.get(f.id));
      return c && c.skipped === undefined ? { ...f, checks: { error: c.error, warning: c.warning, info: c.info } } : f;
    });
  });

  app.get('/api/dataset', { schema: { response: { 200: datasetInfoSchema } } }, async (request): Promise<DatasetInfo> => {
    const { dataset } = ctx.service;
    await dataset.refresh();
    // Server paths are for a lead; everyone else sees the dataset's name and paths relative to it.
    const lead = request.cuboidUser?.role === 'lead';
    const shown = (p: string): string => (lead ? p : displayPath(dataset.root, p));
    return {
      name: path.basename(dataset.root),
      id: datasetId(dataset.root),
      ...(lead ? { root: dataset.root } : {}),
      layout: dataset.layout,
      frameCount: dataset.size,
      labelsDir: shown(ctx.service.labelsDir),
      stateDir: shown(ctx.stateDir),
      warnings: dataset.warnings,
      binLayouts: dataset.binLayouts(),
    };
  });
}

/** A stable id of a served dataset that does not reveal where it lives: 16 hex digits of the SHA-256 of its path. */
function datasetId(root: string): string {
  return createHash('sha256').update(root, 'utf8').digest('hex').slice(0, 16);
}
