import { z } from 'zod';
import { frameParamsSchema } from '../../domain/api/requestSchemas.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import { revisionEtag } from '../http/parseIfMatch.ts';
import { frameFromParams, type RouteContext } from './RouteContext.ts';

/**
 * `GET /api/frames/:id/label`: the KITTI label text of the current revision, exactly what
 * `label_2/ID.txt` holds once written (empty for a frame without boxes).
 */
export function registerLabelRoute(app: ZodApp, ctx: RouteContext): void {
  const response = { 200: z.string().describe('text/plain: the KITTI label_2 lines of the current revision') };
  app.get('/api/frames/:id/label', { schema: { params: frameParamsSchema, response } }, async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const doc = await ctx.service.getAnnotation(frame);
    const text = await ctx.service.formatLabel(frame, doc);
    return reply.type('text/plain; charset=utf-8').header('ETag', revisionEtag(doc.revision)).header('Cache-Control', 'no-cache').send(text);
  });
}
