import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './RouteContext.ts';

/** `GET /api/users` (lead): every user's name, role and creation time; never a token or hash. */
export function registerUsersRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/users', async () => ctx.users.listUsers());
}
