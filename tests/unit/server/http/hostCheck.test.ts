import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostName } from '../../../../src/server/http/hostCheck.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('host check (DNS-rebinding guard)', () => {
  it('parses host names with and without ports', () => {
    expect(hostName('127.0.0.1:8787')).toBe('127.0.0.1');
    expect(hostName('LOCALHOST')).toBe('localhost');
    expect(hostName('[::1]:8787')).toBe('[::1]');
  });

  it.each(['127.0.0.1:8787', 'localhost:5173', '[::1]:8787', 'localhost'])('answers Host %s', async (host) => {
    expect((await server.app.inject({ url: '/api/frames', headers: { host } })).statusCode).toBe(200);
  });

  it.each(['evil.example', 'evil.example:8787', '127.0.0.1.evil.example', '192.168.1.5:8787'])('refuses Host %s with 421', async (host) => {
    const res = await server.app.inject({ url: '/api/frames', headers: { host } });
    expect(res.statusCode).toBe(421);
    expect(res.json().error).toBe('host_not_allowed');
  });
});
