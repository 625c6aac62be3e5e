import type { FastifyInstance } from 'fastify';
import { isValidFrameId } from '../dataset/frameId.ts';
import { HttpError } from '../http/HttpError.ts';
import type { RouteContext } from './RouteContext.ts';

/** `GET /api/activity?frameId=ID&limit=N`: the activity log, newest first (limit 1–1000, default 100). */
export function registerActivityRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/activity', async (request) => {
    const query = request.query as Record<string, unknown>;
    const frameId = query.frameId;
    if (frameId !== undefined && (typeof frameId !== 'string' || !isValidFrameId(frameId))) {
      throw new HttpError(400, 'invalid_query', 'frameId: not a valid frame id');
    }
    let limit = 100;
    if (query.limit !== undefined) {
      limit = Number(query.limit);
      if (typeof query.limit !== 'string' || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
        throw new HttpError(400, 'invalid_query', 'limit: expected an integer from 1 to 1000');
      }
    }
    return ctx.service.storage.listActivity({ ...(frameId !== undefined ? { frameId } : {}), limit });
  });
}
