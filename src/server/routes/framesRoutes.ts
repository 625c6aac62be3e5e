import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './RouteContext.ts';
import type { DatasetInfo } from '../../domain/api/wireTypes.ts';

export type { DatasetInfo };

/** `GET /api/frames` (the frame list) and `GET /api/dataset` (what is being served). */
export function registerFramesRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/frames', async () => {
    const [frames, { dictionary }] = await Promise.all([ctx.service.listFrames(), ctx.dictionaries.load()]);
    return frames.map((f) => {
      const c = ctx.checkSummaries.cached(f.id, f.revision, dictionary.version);
      return c && c.skipped === undefined ? { ...f, checks: { error: c.error, warning: c.warning, info: c.info } } : f;
    });
  });

  app.get('/api/dataset', async (): Promise<DatasetInfo> => {
    const { dataset } = ctx.service;
    return {
      name: path.basename(dataset.root),
      root: dataset.root,
      layout: dataset.layout,
      frameCount: dataset.size,
      labelsDir: ctx.service.labelsDir,
      stateDir: ctx.stateDir,
      warnings: dataset.warnings,
      binLayouts: dataset.binLayouts(),
    };
  });
}
