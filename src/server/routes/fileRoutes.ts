import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/HttpError.ts';
import { sendFile } from '../http/sendFile.ts';
import { frameFromParams, type RouteContext } from './RouteContext.ts';

/**
 * The dataset's own files: `GET /api/frames/:id/points` (the raw `.bin`/`.pcd`, streamed, with
 * `Range`; `X-Cuboid-Points-Format` says which) and `GET /api/frames/:id/image` (image 2).
 */
export function registerFileRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/frames/:id/points', async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    return sendFile(request, reply, frame.points.path, {
      contentType: 'application/octet-stream',
      ranges: true,
      headers: { 'X-Cuboid-Points-Format': frame.points.format },
    });
  });

  app.get('/api/frames/:id/image', async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    if (frame.image === null) throw new HttpError(404, 'no_image', `frame "${frame.id}" has no image_2 file`);
    return sendFile(request, reply, frame.image.path, { contentType: frame.image.contentType, ranges: true });
  });
}
