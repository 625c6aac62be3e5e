import { z } from 'zod';
import { activityQuerySchema } from '../../domain/api/requestSchemas.ts';
import { activityEntrySchema } from '../../domain/api/replySchemas.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import type { RouteContext } from './RouteContext.ts';

/** `GET /api/activity?frameId=ID&limit=N`: the activity log, newest first (limit 1–1000, default 100). */
export function registerActivityRoute(app: ZodApp, ctx: RouteContext): void {
  app.get('/api/activity', { schema: { querystring: activityQuerySchema, response: { 200: z.array(activityEntrySchema) } } }, async (request) => {
    const { frameId, limit = 100 } = request.query;
    return ctx.service.storage.listActivity({ ...(frameId !== undefined ? { frameId } : {}), limit });
  });
}
