import { z } from 'zod';
import { loginBodySchema } from '../../domain/api/requestSchemas.ts';
import { loginReplySchema, sessionInfoSchema } from '../../domain/api/replySchemas.ts';
import { SESSION_COOKIE } from '../auth/installAuth.ts';
import { createSessionId, hashSessionId, looksLikeToken, tokenLookupKey, verifyToken } from '../auth/tokens.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import type { RouteContext } from './RouteContext.ts';

/** How long a login lasts: 12 hours (a working day), then the token is asked for again. */
export const SESSION_TTL_MS = 12 * 3_600_000;

/**
 * `POST /api/session {token}`: logs in and sets the session cookie (HttpOnly, SameSite=Strict,
 * random id; the database keeps only its SHA-256); at most `ctx.loginRateLimit` attempts per client
 * address and window (429 `too_many_logins` after). `GET /api/session`: `{mode, user}` (who am I;
 * `mode` `single` means no login is needed). `DELETE /api/session`: logs out. The token is never
 * logged, echoed or stored.
 */
export function registerSessionRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get('/api/session', { schema: { response: { 200: sessionInfoSchema } } }, async (request) => ({ mode: request.authMode, user: request.cuboidUser }));

  const { max, windowMs } = ctx.loginRateLimit;
  const rateLimit = {
    max,
    timeWindow: windowMs,
    errorResponseBuilder: (_request: unknown, c: { after: string }) =>
      new HttpError(429, 'too_many_logins', `too many login attempts from this address: try again in ${c.after} (at most ${max} per ${windowMs / 1000} s)`),
  };
  app.post('/api/session', { config: { rateLimit }, schema: { body: loginBodySchema, response: { 200: loginReplySchema } } }, async (request, reply) => {
    if (request.authMode === 'single') return { mode: 'single' as const, user: request.cuboidUser };
    const { token } = request.body;
    const invalid = new HttpError(401, 'invalid_token', 'that token is not valid (it may have been revoked): ask a lead for a new one');
    if (!looksLikeToken(token)) throw invalid;
    const stored = await ctx.users.findByTokenLookup(tokenLookupKey(token));
    if (stored === null || !(await verifyToken(token, stored.tokenHash))) throw invalid;
    const now = new Date();
    await ctx.users.deleteExpiredSessions(now);
    const id = createSessionId();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await ctx.users.createSession({ idHash: hashSessionId(id), userName: stored.name, expiresAt: expiresAt.toISOString() });
    await ctx.service.storage.logActivity({ user: stored.name, action: 'login', frameId: null, revision: null, detail: { role: stored.role } });
    const user = { name: stored.name, role: stored.role };
    return reply
      .setCookie(SESSION_COOKIE, id, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
        secure: request.protocol === 'https',
      })
      .header('Cache-Control', 'no-store')
      .send({ mode: 'auth' as const, user, expiresAt: expiresAt.toISOString() });
  });

  app.delete('/api/session', { schema: { response: { 204: z.null().describe('logged out') } } }, async (request, reply) => {
    const id = request.cookies[SESSION_COOKIE];
    if (typeof id === 'string' && id !== '') await ctx.users.deleteSession(hashSessionId(id));
    if (request.authMode === 'auth' && request.cuboidUser !== null) {
      await ctx.service.storage.logActivity({ user: request.cuboidUser.name, action: 'logout', frameId: null, revision: null, detail: {} });
    }
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send(null);
  });
}
