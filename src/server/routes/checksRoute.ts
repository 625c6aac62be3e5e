import type { FrameCheckSummary } from '../../domain/api/wireTypes.ts';
import { frameParamsSchema } from '../../domain/api/requestSchemas.ts';
import { frameCheckSummarySchema } from '../../domain/api/replySchemas.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import type { RouteContext } from './RouteContext.ts';
import { frameFromParams } from './RouteContext.ts';

/**
 * `GET /api/frames/:id/checks`: the navigator's check summary of one frame (see
 * FrameCheckSummaries), computed in the check pool's worker threads. A frame that cannot be checked
 * answers a JSON error naming it: 422 `frame_unreadable` (the file and why), 422 `frame_too_large`
 * (the limit), 503 `check_timeout` / `checks_busy` / `check_failed`.
 */
export function registerChecksRoute(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/frames/:id/checks',
    { schema: { params: frameParamsSchema, response: { 200: frameCheckSummarySchema } } },
    async (request): Promise<FrameCheckSummary> => {
      const frame = frameFromParams(ctx, request.params);
      return ctx.checkSummaries.get(frame);
    },
  );
}
