import type { FastifyInstance } from 'fastify';
import type { FrameCheckSummary } from '../../domain/api/wireTypes.ts';
import { KittiError } from '../../domain/kitti/KittiError.ts';
import { PcdError } from '../../domain/pcd/PcdError.ts';
import { HttpError } from '../http/HttpError.ts';
import type { RouteContext } from './RouteContext.ts';
import { frameFromParams } from './RouteContext.ts';

/** `GET /api/frames/:id/checks`: the navigator's check summary of one frame (see FrameCheckSummaries). */
export function registerChecksRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/frames/:id/checks', async (request): Promise<FrameCheckSummary> => {
    const frame = frameFromParams(ctx, request.params);
    try {
      return await ctx.checkSummaries.get(frame);
    } catch (err) {
      // A broken point, label or calib file: say which and why, as the viewer would.
      if (err instanceof PcdError || err instanceof KittiError) throw new HttpError(422, 'frame_unreadable', err.message);
      throw err;
    }
  });
}
