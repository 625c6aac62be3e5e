import { z } from 'zod';
import { frameParamsSchema } from '../../domain/api/requestSchemas.ts';
import type { FramePose, PosesResponse } from '../../domain/poses/Pose.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import { frameFromParams, type RouteContext } from './RouteContext.ts';

const framePoseSchema = z.object({
  /** The sequence the frame belongs to; poses of different sequences share no world. */
  sequence: z.string(),
  /** LiDAR → world, 4×4 row-major, metres. */
  pose: z.array(z.number()).length(16).readonly(),
});

/**
 * `GET /api/poses`: every frame's ego pose (LiDAR → world, 4×4 row-major, metres) and sequence,
 * by frame id (`{ frames: {} }` for a dataset without poses; `warnings` says why poses it has
 * could not be used). `GET /api/frames/:id/pose`: one frame's (404 `no_pose` when it has none).
 * Where poses come from: `DatasetPoses`.
 */
export function registerPosesRoute(app: ZodApp, ctx: RouteContext): void {
  const { poses } = ctx;
  app.get(
    '/api/poses',
    { schema: { response: { 200: z.object({ frames: z.record(z.string(), framePoseSchema), warnings: z.array(z.string()).optional() }) } } },
    async (): Promise<PosesResponse> => poses.get(),
  );
  app.get(
    '/api/frames/:id/pose',
    { schema: { params: frameParamsSchema, response: { 200: framePoseSchema.extend({ frameId: z.string() }) } } },
    async (request): Promise<FramePose & { frameId: string }> => {
      const frame = frameFromParams(ctx, request.params);
      const p = (await poses.get()).frames[frame.id];
      if (p === undefined) throw new HttpError(404, 'no_pose', `frame "${frame.id}" has no ego pose in this dataset`);
      return { frameId: frame.id, ...p };
    },
  );
}
