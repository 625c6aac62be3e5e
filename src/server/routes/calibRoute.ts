import { frameParamsSchema } from '../../domain/api/requestSchemas.ts';
import { calibResponseSchema, type CalibResponse } from '../../domain/api/replySchemas.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import { frameFromParams, type RouteContext } from './RouteContext.ts';

/** `GET /api/frames/:id/calib`: the parsed calibration (422 when the file is malformed). */
export function registerCalibRoute(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/frames/:id/calib',
    { schema: { params: frameParamsSchema, response: { 200: calibResponseSchema } } },
    async (request): Promise<CalibResponse> => {
      const frame = frameFromParams(ctx, request.params);
      const [calib, imageSize] = await Promise.all([ctx.service.calib(frame), ctx.service.imageSize(frame)]);
      return { frameId: frame.id, calib, imageSize };
    },
  );
}
