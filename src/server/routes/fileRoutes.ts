import { frameParamsSchema } from '../../domain/api/requestSchemas.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
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
 * Both read through the dataset's source: a local folder (confined), or a bucket, proxied through
 * the server (not redirected: see the README's "Datasets in a bucket"); a bucket that cannot be
 * read answers 503 `dataset_unavailable`.
 */
export function registerFileRoutes(app: ZodApp, ctx: RouteContext): void {
  // Raw bytes (206 for a Range): no JSON reply schema.
  const schema = { params: frameParamsSchema };
  app.get('/api/frames/:id/points', { schema: { ...schema, description: 'the raw .bin or .pcd point file; Range honoured' } }, async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    return sendDatasetFile(request, reply, frame, frame.points.path, {
      contentType: 'application/octet-stream',
      ranges: true,
      headers: { 'X-Cuboid-Points-Format': frame.points.format, ...binLayoutHeaders(frame) },
    });
  });

  app.get('/api/frames/:id/image', { schema: { ...schema, description: 'image_2 of the frame; Range honoured' } }, async (request, reply) => {
    const frame = frameFromParams(ctx, request.params);
    if (frame.image === null) throw new HttpError(404, 'no_image', `frame "${frame.id}" has no image_2 file`);
    return sendDatasetFile(request, reply, frame, frame.image.path, { contentType: frame.image.contentType, ranges: true });
  });
}
