import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../src/io/apiClient.ts';
import { checkOrigin } from '../../../../src/server/http/originCheck.ts';
import { startAuthServer, type AuthTestServer } from '../fixtures/authServer.ts';
import { sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

const HOST = '127.0.0.1:8787';
const SELF = `http://${HOST}`;

let single: TestServer;
let multi: AuthTestServer;
beforeAll(async () => {
  single = await startTestServer({ submitChecker: async () => [] });
  multi = await startAuthServer({ ann: 'annotator', rev: 'reviewer' });
});
afterAll(async () => {
  await single?.close();
  await multi?.close();
});

const submit = (headers: Record<string, string>, body: string | undefined = '{}'): InjectOptions => ({
  method: 'POST',
  url: '/api/frames/000001/submit',
  headers: { host: HOST, ...headers },
  ...(body !== undefined ? { body } : {}),
});

describe("CSRF: state-changing requests only from this server's own pages", () => {
  it.each([
    ['another site', { origin: 'http://evil.example', 'content-type': 'application/json' }],
    ['another port of 127.0.0.1', { origin: 'http://127.0.0.1:9999', 'content-type': 'application/json' }],
    ['Sec-Fetch-Site cross-site without Origin', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }],
    ['Sec-Fetch-Site same-site (another port)', { 'sec-fetch-site': 'same-site', origin: SELF, 'content-type': 'application/json' }],
    ['an opaque origin', { origin: 'null', 'content-type': 'application/json' }],
  ])('single-user mode refuses a submit from %s with 403 saying why, and changes nothing', async (_what, headers) => {
    const res = await single.app.inject(submit(headers));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('cross_origin_refused');
    expect(res.json().detail).toMatch(/may not change anything/);
    const doc = (await single.app.inject({ url: '/api/frames/000001/annotation', headers: { host: HOST } })).json();
    expect(doc.status).not.toBe('submitted');
  });

  it('a page on another port of 127.0.0.1 cannot ride the SameSite=Strict session cookie', async () => {
    const put = await multi.as('ann', {
      method: 'POST',
      url: '/api/frames/000002/flags',
      headers: { host: HOST, origin: 'http://127.0.0.1:5555', 'content-type': 'application/json' },
      payload: { cuboidId: 'a', reason: 'x' },
    });
    expect(put.statusCode).toBe(403);
    const save = await multi.as('ann', {
      method: 'PUT',
      url: '/api/frames/000002/annotation',
      headers: { host: HOST, origin: 'http://127.0.0.1:5555', 'sec-fetch-site': 'same-site', 'if-match': '"0"' },
      payload: sampleDoc('000002', [sampleCuboid('a')]),
    });
    expect([save.statusCode, save.json().error]).toEqual([403, 'cross_origin_refused']);
    expect((await multi.as('ann', '/api/frames/000002/annotation')).json().revision).toBe(0);
  });

  it('requires a JSON content type on POST/PUT/PATCH, even with an empty body (415 naming what came)', async () => {
    const empty = await single.app.inject(submit({ origin: SELF }, undefined));
    expect([empty.statusCode, empty.json().error]).toEqual([415, 'unsupported_media_type']);
    expect(empty.json().detail).toMatch(/no Content-Type/);
    const text = await single.app.inject(submit({ origin: SELF, 'content-type': 'text/plain' }, '{"overrides":[]}'));
    expect(text.statusCode).toBe(415);
    expect(text.json().detail).toMatch(/"text\/plain"/);
    const form = await single.app.inject(submit({ 'content-type': 'application/x-www-form-urlencoded' }, 'overrides='));
    expect(form.statusCode).toBe(415);
  });

  it('accepts the same origin, a navigation (none) and clients without Origin (CLI, curl)', async () => {
    for (const headers of [
      { origin: SELF, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json; charset=utf-8' },
      { 'sec-fetch-site': 'none', 'content-type': 'application/json' },
      { 'content-type': 'application/json' },
    ]) {
      const res = await single.app.inject({
        method: 'PUT',
        url: '/api/dictionary',
        headers: { host: HOST, ...headers },
        body: '{}',
      });
      // Past the guard: the dictionary route itself answers (400 for a body without a version).
      expect([res.statusCode, res.json().error]).toEqual([400, 'invalid_dictionary']);
    }
    const logout = await single.app.inject({ method: 'DELETE', url: '/api/session', headers: { host: HOST, origin: SELF } });
    expect(logout.statusCode).toBe(204);
    const crossLogout = await single.app.inject({ method: 'DELETE', url: '/api/session', headers: { host: HOST, origin: 'http://evil.example' } });
    expect(crossLogout.statusCode).toBe(403);
  });

  it('an allow-listed origin (a proxy) passes; GETs are never checked', () => {
    const req = (headers: Record<string, string>, method = 'POST') => ({
      method,
      headers: { host: 'internal:8787', 'content-type': 'application/json', ...headers },
    });
    expect(checkOrigin(req({ origin: 'https://labels.example.com' }), { allowedOrigins: ['https://labels.example.com'] })).toBeNull();
    expect(checkOrigin(req({ origin: 'https://labels.example.com:444' }), { allowedOrigins: ['https://labels.example.com'] })?.status).toBe(403);
    expect(checkOrigin(req({ origin: 'http://internal:8787' }))).toBeNull();
    expect(checkOrigin(req({ origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }, 'GET'))).toBeNull();
  });

  it("the app's own API client sends JSON on every state-changing call, so the browser flow still works", async () => {
    const seen: string[] = [];
    const client = createApiClient({
      baseUrl: SELF,
      fetch: async (input, init = {}) => {
        const headers = { ...(init.headers as Record<string, string>), host: HOST, origin: SELF, 'sec-fetch-site': 'same-origin' };
        const url = new URL(String(input));
        const res = await single.app.inject({
          method: (init.method ?? 'GET') as InjectOptions['method'],
          url: url.pathname + url.search,
          headers,
          ...(init.body !== undefined ? { body: String(init.body) } : {}),
        });
        seen.push(`${init.method ?? 'GET'} ${res.statusCode}`);
        return new Response(res.statusCode === 204 ? null : res.body, {
          status: res.statusCode,
          headers: { 'content-type': String(res.headers['content-type'] ?? '') },
        });
      },
    });
    const saved = await client.saveAnnotation('000002', sampleDoc('000002', [sampleCuboid('a')]), 0);
    expect(saved.ok).toBe(true);
    const submitted = await client.submitFrame('000002');
    expect(submitted.status).toBe('submitted');
    const flagged = await client.addFlag('000002', { cuboidId: 'a', reason: 'box-fits-object', comment: '' });
    expect(flagged.flag.state).toBe('open');
    expect((await client.rejectFrame('000002', 'see flag')).status).toBe('rejected');
    expect((await client.setFlagState('000002', flagged.flag.id, 'resolved')).flags[0].state).toBe('resolved');
    await client.submitFrame('000002');
    await client.setFlagState('000002', flagged.flag.id, 'closed');
    expect((await client.acceptFrame('000002')).status).toBe('accepted');
    await client.logout();
    expect(seen.every((s) => !/ (403|415)$/.test(s))).toBe(true);
  });
});
