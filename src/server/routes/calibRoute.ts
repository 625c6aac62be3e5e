import type { FastifyInstance } from 'fastify';
import type { KittiCalib } from '../../domain/kitti/KittiCalib.ts';
import { frameFromParams, type RouteContext } from './RouteContext.ts';

/** What `GET /api/frames/:id/calib` returns. */
export interface CalibResponse {
  frameId: string;
  /** The parsed calib file, or null when the frame has none (use the no-camera convention). */
  calib: KittiCalib | null;
  /** Image 2 `[width, height]` in pixels (PNG header, else 1242×375). */
  imageSize: [number, number];
}

/** `GET /api/frames/:id/calib`: the parsed calibration (422 when the file is malformed). */
export function registerCalibRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/frames/:id/calib', async (request): Promise<CalibResponse> => {
    const frame = frameFromParams(ctx, request.params);
    const [calib, imageSize] = await Promise.all([ctx.service.calib(frame), ctx.service.imageSize(frame)]);
    return { frameId: frame.id, calib, imageSize };
  });
}
