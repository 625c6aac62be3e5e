import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserStore } from '../storage/UserStore.ts';
import { routeAccess } from './routeAccess.ts';
import type { AuthMode, SessionUser } from './SessionUser.ts';
import { hashSessionId } from './tokens.ts';

/** Name of the session cookie (HttpOnly, SameSite=Strict, path /). */
export const SESSION_COOKIE = 'cuboid_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request (null: nobody logged in). Set for every request before its handler. */
    cuboidUser: SessionUser | null;
    authMode: AuthMode;
  }
  interface FastifyInstance {
    /** Every route registered after the auth hooks, `METHOD url` (for the authorization tests). */
    cuboidRoutes: string[];
  }
}

export interface AuthOptions {
  users: UserStore;
  /** True when listening beyond loopback: without users nothing is served. */
  requireUsers: boolean;
}

/**
 * Authentication and the role check for every route. Runs on each request before its body is
 * parsed: resolves the session cookie to a user (or, with no users configured on loopback, the
 * implicit lead of single-user mode, named by `X-Cuboid-User` or `local`), then applies the route's
 * entry in `ROUTE_ACCESS`: 401 without a session, 403 for a role the route does not allow, 503
 * when the server requires users and has none. Unknown URLs pass through to the 404 handler.
 */
export async function installAuth(app: FastifyInstance, opts: AuthOptions): Promise<void> {
  await app.register(cookie);
  const routes: string[] = [];
  app.decorate('cuboidRoutes', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) if (m !== 'HEAD') routes.push(`${m} ${route.url}`);
  });
  app.decorateRequest('cuboidUser', null);
  app.decorateRequest('authMode', 'single');
  app.addHook('onRequest', async (request, reply) => {
    const { mode, user } = await resolveUser(request, opts);
    request.authMode = mode;
    request.cuboidUser = user;
    const url = request.routeOptions.url;
    if (url === undefined) return;
    const access = routeAccess(request.method, url);
    if (access === 'public') return;
    const send = (status: number, error: string, detail: string) => reply.code(status).type('application/json; charset=utf-8').send({ error, detail });
    if (user === null) {
      return mode === 'locked'
        ? send(503, 'no_users', 'this server listens beyond loopback and has no users: add one with `npx cuboid user add NAME --role lead --data DIR`')
        : send(401, 'unauthenticated', 'log in first: POST /api/session with your token');
    }
    if (!access.includes(user.role)) {
      return send(403, 'forbidden', `${user.role === 'annotator' ? 'an' : 'a'} ${user.role} may not ${request.method} ${url} (allowed: ${access.join(', ')})`);
    }
  });
}

/** The auth mode and the user of a request. */
async function resolveUser(request: FastifyRequest, opts: AuthOptions): Promise<{ mode: AuthMode; user: SessionUser | null }> {
  // A live session names a user, so users exist: a logged-in request costs one query, not two
  // (the user count is asked only when there is no session to go by).
  const id = request.cookies[SESSION_COOKIE];
  const hasCookie = typeof id === 'string' && id !== '' && id.length <= 200;
  const found = hasCookie ? await opts.users.findSession(hashSessionId(id), new Date()) : null;
  if (found !== null) return { mode: 'auth', user: { name: found.name, role: found.role } };
  if ((await opts.users.countUsers()) === 0) {
    return opts.requireUsers ? { mode: 'locked', user: null } : { mode: 'single', user: { name: singleUserName(request), role: 'lead' } };
  }
  return { mode: 'auth', user: null };
}

/** Single-user mode: the name for the activity log from `X-Cuboid-User` when well-formed, else `local`. */
function singleUserName(request: FastifyRequest): string {
  const raw = request.headers['x-cuboid-user'];
  return typeof raw === 'string' && /^[\w.@-]{1,64}$/.test(raw) ? raw : 'local';
}
