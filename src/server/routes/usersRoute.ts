import { z } from 'zod';
import { userInfoSchema } from '../../domain/api/replySchemas.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import type { RouteContext } from './RouteContext.ts';

/** `GET /api/users` (lead): every user's name, role and creation time; never a token or hash. */
export function registerUsersRoute(app: ZodApp, ctx: RouteContext): void {
  app.get('/api/users', { schema: { response: { 200: z.array(userInfoSchema) } } }, async () => ctx.users.listUsers());
}
