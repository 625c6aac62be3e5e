import type { FastifyInstance } from 'fastify';
import { revisionEtag } from '../http/parseIfMatch.ts';
import { frameFromParams, type RouteContext } from './RouteContext.ts';

/**
 * `GET /api/frames/:id/label`: the KITTI label text of the current revision, exactly what
 * `label_2/ID.txt` holds once written (empty for a frame without boxes).
 */
export function registerLabelRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/frames/:id/label', async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    const doc = await ctx.service.getAnnotation(frame);
    const text = await ctx.service.formatLabel(frame, doc);
    return reply
      .type('text/plain; charset=utf-8')
      .header('ETag', revisionEtag(doc.revision))
      .header('Cache-Control', 'no-cache')
      .send(text);
  });
}
