import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createToken, hashSessionId, hashToken, looksLikeToken, tokenLookupKey, verifyToken } from '../../../../src/server/auth/tokens.ts';
import { startAuthServer, type AuthTestServer } from '../fixtures/authServer.ts';
import { sampleDoc } from '../fixtures/makeDataset.ts';
import { storedBytes } from '../../../helpers/testDatabase.ts';

let server: AuthTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('tokens', () => {
  it('are 32 random bytes, hashed with salted scrypt: same token, different hashes, both verify', async () => {
    const token = createToken();
    expect(looksLikeToken(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(createToken()).not.toBe(token);
    const [a, b] = await Promise.all([hashToken(token), hashToken(token)]);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(token);
    expect(await verifyToken(token, a)).toBe(true);
    expect(await verifyToken(token, b)).toBe(true);
    expect(await verifyToken(createToken(), a)).toBe(false);
    expect(await verifyToken(token, 'scrypt$1$1$1$x$y')).toBe(false);
    expect(await verifyToken(token, 'plain')).toBe(false);
    expect(tokenLookupKey(token)).toMatch(/^[0-9a-f]{32}$/);
    expect(hashSessionId(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('sessions', () => {
  it('login sets an HttpOnly SameSite=Strict cookie with a random id; the database keeps only its hash', async () => {
    server = await startAuthServer({ rita: 'reviewer' });
    const res = await server.app.inject({ method: 'POST', url: '/api/session', payload: { token: server.tokens.rita } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'auth', user: { name: 'rita', role: 'reviewer' } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^cuboid_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    const id = /^cuboid_session=([\w-]+)/.exec(cookie)![1];
    const who = await server.app.inject({ url: '/api/session', headers: { cookie: `cuboid_session=${id}` } });
    expect(who.json()).toEqual({ mode: 'auth', user: { name: 'rita', role: 'reviewer' } });
    const db = await storedBytes(server);
    expect(db.includes(Buffer.from(id))).toBe(false);
    expect(db.includes(Buffer.from(hashSessionId(id)))).toBe(true);
    expect(db.includes(Buffer.from(server.tokens.rita))).toBe(false);
  });

  it('refuses a wrong, malformed or missing token with 401 and no cookie', async () => {
    server = await startAuthServer({ rita: 'reviewer' });
    for (const payload of [{ token: createToken() }, { token: 'short' }, { token: 42 }, {}]) {
      const res = await server.app.inject({ method: 'POST', url: '/api/session', payload });
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect((await server.app.inject({ url: '/api/frames', headers: { cookie: 'cuboid_session=forged' } })).statusCode).toBe(401);
  });

  it('logout, an expired session and a removed user all end access', async () => {
    server = await startAuthServer({ rita: 'reviewer', alan: 'annotator' });
    const out = await server.as('rita', { method: 'DELETE', url: '/api/session' });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^cuboid_session=; Max-Age=0; Path=\//);
    expect((await server.as('rita', '/api/frames')).statusCode).toBe(401);

    const users = server.app.cuboid.storage.users;
    await users.createSession({ idHash: hashSessionId('old-session'), userName: 'alan', expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect((await server.app.inject({ url: '/api/frames', headers: { cookie: 'cuboid_session=old-session' } })).statusCode).toBe(401);
    expect((await server.as('alan', '/api/frames')).statusCode).toBe(200);
    expect(await users.removeUser('alan')).toBe(2); // the live session and the expired one
    expect((await server.as('alan', '/api/frames')).statusCode).toBe(401);
  });

  it('logs logins and logouts in the activity log, without any secret', async () => {
    server = await startAuthServer({ lena: 'lead' });
    await server.as('lena', { method: 'DELETE', url: '/api/session' });
    await server.login('lena');
    const log = (await server.as('lena', '/api/activity')).json() as { action: string; user: string; detail: object }[];
    expect(log.map((e) => `${e.action} ${e.user}`)).toEqual(['login lena', 'logout lena', 'login lena']);
    expect(JSON.stringify(log)).not.toContain(server.tokens.lena);
  });
});

describe('tokens are never logged or returned after creation', () => {
  it('a full session (login, edits, user list, activity, errors, logout) at log level trace leaks no token, hash or session id', async () => {
    let logs = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    server = await startAuthServer({ lena: 'lead', alan: 'annotator' }, { logger: { level: 'trace', stream: sink } as never });
    const secrets = [server.tokens.lena, server.tokens.alan];
    const bodies: string[] = [];
    const headers: string[] = [];
    const record = (res: { body: string; headers: Record<string, unknown> }, keepCookie = false) => {
      bodies.push(res.body);
      const { 'set-cookie': setCookie, ...rest } = res.headers;
      headers.push(JSON.stringify(keepCookie ? rest : { ...rest, 'set-cookie': setCookie }));
    };
    // Login again to capture the session id this test will look for.
    const login = await server.app.inject({ method: 'POST', url: '/api/session', payload: { token: server.tokens.alan } });
    record(login, true);
    const sessionId = /^cuboid_session=([\w-]+)/.exec(String(login.headers['set-cookie']))![1];
    secrets.push(sessionId);
    const cookie = `cuboid_session=${sessionId}`;
    record(await server.app.inject({ url: '/api/session', headers: { cookie } }));
    record(
      await server.app.inject({ method: 'PUT', url: '/api/frames/000001/annotation', payload: sampleDoc('000001'), headers: { cookie, 'if-match': '"0"' } }),
    );
    record(await server.as('lena', '/api/users'));
    record(await server.as('lena', '/api/activity'));
    record(await server.as('lena', '/api/metrics'));
    record(await server.as('lena', '/api/metrics.csv'));
    record(await server.as('lena', '/api/frames/000001/review'));
    // A malformed body that contains the token, and a wrong token.
    record(
      await server.app.inject({
        method: 'POST',
        url: '/api/session',
        body: `{"token": "${server.tokens.lena}",}`,
        headers: { 'content-type': 'application/json' },
      }),
    );
    record(await server.app.inject({ method: 'POST', url: '/api/session', payload: { token: `${server.tokens.lena.slice(0, 42)}A` } }));
    record(await server.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } }));

    const users = await server.app.cuboid.storage.users.listUsers();
    const hashes = await Promise.all(
      users.map(async (u) => (await server!.app.cuboid.storage.users.findByTokenLookup(tokenLookupKey(server!.tokens[u.name])))!.tokenHash),
    );
    const lookups = Object.values(server.tokens).map(tokenLookupKey);
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).toContain('incoming request');
    for (const secret of [...secrets, ...hashes, ...lookups]) {
      expect(logs.includes(secret)).toBe(false);
      for (const b of bodies) expect(b.includes(secret)).toBe(false);
    }
    // The session id travels only in the Set-Cookie of its own login.
    for (const h of headers) expect(h.includes(sessionId)).toBe(false);
    expect(String(login.headers['set-cookie'])).toContain(sessionId);
  });
});
