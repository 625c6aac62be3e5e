import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS } from '../../../../src/server/http/serverLimits.ts';
import { startAuthServer, type AuthTestServer } from '../fixtures/authServer.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | AuthTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('server time limits', () => {
  it('sets request, headers, idle and keep-alive timeouts (none is 0)', async () => {
    server = await startTestServer();
    const http = server.app.server;
    expect(http.requestTimeout).toBe(DEFAULT_TIMEOUTS.requestMs);
    expect(http.headersTimeout).toBe(DEFAULT_TIMEOUTS.headersMs);
    expect(http.keepAliveTimeout).toBe(DEFAULT_TIMEOUTS.keepAliveMs);
    expect(http.timeout).toBe(DEFAULT_TIMEOUTS.idleMs);
    for (const v of Object.values(DEFAULT_TIMEOUTS)) expect(v).toBeGreaterThan(0);
  });

  it('cuts off a client that sends its body too slowly (408, connection closed)', async () => {
    server = await startTestServer({ timeouts: { requestMs: 600, headersMs: 600, checkIntervalMs: 100 } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += String(d)));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('PUT /api/dictionary HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    // Trickle a byte now and then, as a slow-body attack does, until the server hangs up.
    const trickle = setInterval(() => socket.writable && socket.write(' '), 100);
    await closed;
    clearInterval(trickle);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('login rate limit', () => {
  it('answers 429 after too many login attempts from one address, saying when to retry', async () => {
    server = await startAuthServer({ ann: 'annotator' }, { loginRateLimit: { max: 3, windowMs: 60_000 } });
    const s = server as AuthTestServer;
    const attempt = () => s.app.inject({ method: 'POST', url: '/api/session', payload: { token: 'x'.repeat(43) } });
    // One attempt was the fixture's own login of ann.
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toBe('too_many_logins');
    expect(limited.json().detail).toMatch(/try again in/);
    // Even the right token waits; other routes are not limited.
    expect((await s.app.inject({ method: 'POST', url: '/api/session', payload: { token: s.tokens.ann } })).statusCode).toBe(429);
    expect((await s.as('ann', '/api/frames')).statusCode).toBe(200);
  });
});
