import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/HttpError.ts';
import { sendDatasetFile } from '../http/sendFile.ts';
import { frameFromParams, type RouteContext } from './RouteContext.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';

/** The layout headers of a `.bin` frame (ASCII, one line: the choice's texts are built that way). */
function binLayoutHeaders(frame: DatasetFrame): Record<string, string> {
  const c = frame.points.binLayout;
  if (c === null) return {};
  const headers: Record<string, string> = { 'X-Cuboid-Bin-Layout': c.name };
  if (c.warning !== null) headers['X-Cuboid-Bin-Layout-Note'] = c.warning.replace(/[^\x20-\x7e]/g, '?');
  return headers;
}

/**
 * The dataset's own files: `GET /api/frames/:id/points` (the raw `.bin`/`.pcd`, streamed, with
 * `Range`; `X-Cuboid-Points-Format` says which; for a `.bin`, `X-Cuboid-Bin-Layout` names its point
 * layout and `X-Cuboid-Bin-Layout-Note` says why when detection picked it among several) and `GET /api/frames/:id/image` (image 2).
 */
export function registerFileRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/frames/:id/points', async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    return sendDatasetFile(request, reply, frame, frame.points.path, {
      contentType: 'application/octet-stream',
      ranges: true,
      headers: { 'X-Cuboid-Points-Format': frame.points.format, ...binLayoutHeaders(frame) },
    });
  });

  app.get('/api/frames/:id/image', async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    if (frame.image === null) throw new HttpError(404, 'no_image', `frame "${frame.id}" has no image_2 file`);
    return sendDatasetFile(request, reply, frame, frame.image.path, { contentType: frame.image.contentType, ranges: true });
  });
}
