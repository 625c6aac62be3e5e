import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { ROLES, type Role } from '../../../../src/domain/review/Role.ts';
import { ROUTE_ACCESS } from '../../../../src/server/auth/routeAccess.ts';
import { startAuthServer, type AuthTestServer } from '../fixtures/authServer.ts';
import { sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';
import { startTestServer } from '../fixtures/testServer.ts';

/** One user per role, so that assignment never refuses an allowed role. */
const USER: Record<Role, string> = { annotator: 'ann', reviewer: 'rev', lead: 'lea' };

let server: AuthTestServer;
let flagId = '';

beforeAll(async () => {
  server = await startAuthServer({ ann: 'annotator', rev: 'reviewer', lea: 'lead' }, { withDist: true });
  const put = await server.as('ann', {
    method: 'PUT',
    url: '/api/frames/000001/annotation',
    payload: sampleDoc('000001', [sampleCuboid('a')]),
    headers: { 'if-match': '"0"' },
  });
  expect(put.statusCode).toBe(200);
  const flag = await server.as('rev', {
    method: 'POST',
    url: '/api/frames/000001/flags',
    payload: { cuboidId: 'a', reason: 'box-fits-object', comment: 'too long' },
  });
  expect(flag.statusCode).toBe(201);
  flagId = flag.json().flag.id;
});
afterAll(async () => server?.close());

/** A concrete, well-formed request for a route pattern, as `role` would send it (null: no session). */
async function requestFor(key: string, role: Role | null): Promise<InjectOptions> {
  const [method, pattern] = key.split(' ') as [InjectOptions['method'], string];
  const url = pattern.replace(':id', '000001').replace(':revision', '1').replace(':flagId', flagId).replace('/*', '/index.html');
  switch (key) {
    case 'PUT /api/frames/:id/annotation': {
      // The current document unchanged: what any role may send without a content rule refusing it.
      const current = (await server.as('lea', '/api/frames/000001/annotation')).json() as FrameAnnotation;
      return { method, url, payload: current, headers: { 'if-match': `"${current.revision}"` } };
    }
    case 'POST /api/session':
      return { method, url, payload: { token: 'x'.repeat(43) } };
    case 'POST /api/frames/:id/submit':
      return { method, url, payload: { overrides: [] } };
    case 'POST /api/frames/:id/reject':
      return { method, url, payload: { comment: 'see flags' } };
    case 'POST /api/frames/:id/accept':
      return { method, url, payload: {} };
    case 'POST /api/frames/:id/flags':
      return { method, url, payload: { cuboidId: 'a', reason: 'box-fits-object', comment: '' } };
    case 'PATCH /api/frames/:id/flags/:flagId':
      // Each role's own move on a flag (the content rules are tested below).
      return { method, url, payload: { state: role === 'annotator' ? 'resolved' : role === 'reviewer' ? 'closed' : 'open' } };
    case 'PUT /api/frames/:id/assignment':
      return { method, url, payload: { annotator: 'ann' } };
    case 'PUT /api/dictionary': {
      const { dictionary } = (await server.as('lea', '/api/dictionary')).json() as { dictionary: Record<string, unknown> };
      return { method, url, payload: dictionary };
    }
    case 'GET /api/export.zip':
      return { method, url: `${url}?points=0&images=0` };
    case 'POST /api/jobs/export':
      return { method, url: `${url}?points=0&images=0`, payload: {} };
    default:
      return { method, url };
  }
}

const entries = Object.entries(ROUTE_ACCESS);

describe('authorization: every route × role', () => {
  it('the table lists exactly the routes the server registers', () => {
    expect([...server.app.cuboidRoutes].sort()).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  it.each(entries)('%s', async (key, access) => {
    for (const role of [null, ...ROLES] as const) {
      const res = await server.as(role === null ? null : USER[role], await requestFor(key, role));
      const body = String(res.headers['content-type'] ?? '').includes('json') && res.body !== '' ? (res.json() as { error?: string }) : {};
      const who = role ?? 'no session';
      if (access === 'public') {
        expect([body.error, who]).not.toEqual(['forbidden', who]);
        expect([body.error, who]).not.toEqual(['unauthenticated', who]);
      } else if (role === null) {
        expect([res.statusCode, body.error, who]).toEqual([401, 'unauthenticated', who]);
      } else if (!access.includes(role)) {
        expect([res.statusCode, body.error, who]).toEqual([403, 'forbidden', who]);
      } else {
        expect([res.statusCode === 401 || res.statusCode === 403, body.error, who]).toEqual([false, body.error, who]);
      }
      // Logging out ended this role's session: start a new one for the next routes.
      if (key === 'DELETE /api/session' && role !== null) await server.login(USER[role]);
    }
  });
});

describe('authorization: content rules inside the handlers', () => {
  it('a reviewer cannot change boxes (403) but may send the document unchanged', async () => {
    const current = (await server.as('rev', '/api/frames/000002/annotation')).json() as FrameAnnotation;
    const put = (doc: FrameAnnotation) =>
      server.as('rev', { method: 'PUT', url: '/api/frames/000002/annotation', payload: doc, headers: { 'if-match': `"${current.revision}"` } });
    const changed = await put({ ...current, cuboids: [sampleCuboid('r')] });
    expect(changed.statusCode).toBe(403);
    expect(changed.json().detail).toMatch(/reviewer cannot edit boxes/);
    expect((await put(current)).statusCode).toBe(200);
    expect(((await server.as('lea', '/api/frames/000002/annotation')).json() as FrameAnnotation).revision).toBe(current.revision);
  });

  it('annotators resolve flags, reviewers close and reopen them', async () => {
    const flag = await server.as('lea', { method: 'POST', url: '/api/frames/000001/flags', payload: { cuboidId: 'a', reason: 'box-fits-object' } });
    const id = flag.json().flag.id as string;
    const patch = (user: string, state: string) => server.as(user, { method: 'PATCH', url: `/api/frames/000001/flags/${id}`, payload: { state } });
    expect((await patch('rev', 'resolved')).statusCode).toBe(403);
    expect((await patch('ann', 'closed')).statusCode).toBe(403);
    expect((await patch('ann', 'resolved')).statusCode).toBe(200);
    expect((await patch('ann', 'open')).statusCode).toBe(403);
    expect((await patch('rev', 'open')).statusCode).toBe(200);
  });

  it('another annotator or reviewer may not take over an assigned frame', async () => {
    await server.addUser('ann2', 'annotator');
    await server.addUser('rev2', 'reviewer');
    const info = (await server.as('lea', '/api/frames/000001/review')).json() as { annotator: string; reviewer: string };
    expect(info).toMatchObject({ annotator: 'ann', reviewer: 'rev' });
    const current = (await server.as('ann2', '/api/frames/000001/annotation')).json() as FrameAnnotation;
    const put = await server.as('ann2', {
      method: 'PUT',
      url: '/api/frames/000001/annotation',
      payload: { ...current, cuboids: [] },
      headers: { 'if-match': `"${current.revision}"` },
    });
    expect([put.statusCode, put.json().error]).toEqual([403, 'not_assigned']);
    expect(put.json().detail).toMatch(/assigned to annotator ann/);
    const flag = await server.as('rev2', { method: 'POST', url: '/api/frames/000001/flags', payload: { cuboidId: 'a', reason: 'box-fits-object' } });
    expect([flag.statusCode, flag.json().error]).toEqual([403, 'not_assigned']);
  });
});

describe('authorization modes', () => {
  it('single-user mode on loopback: no session needed, everyone is a lead', async () => {
    const s = await startTestServer();
    try {
      expect((await s.app.inject('/api/session')).json()).toEqual({ mode: 'single', user: { name: 'local', role: 'lead' } });
      expect((await s.app.inject('/api/users')).statusCode).toBe(200);
      expect((await s.app.inject('/api/metrics')).statusCode).toBe(200);
      expect((await s.app.inject({ url: '/api/session', headers: { 'x-cuboid-user': 'kim' } })).json().user).toEqual({ name: 'kim', role: 'lead' });
    } finally {
      await s.close();
    }
  });

  it('a server that requires users and has none serves nothing (503) but says why', async () => {
    const s = await startTestServer({ requireUsers: true });
    try {
      const res = await s.app.inject('/api/frames');
      expect([res.statusCode, res.json().error]).toEqual([503, 'no_users']);
      expect((await s.app.inject('/api/session')).json()).toEqual({ mode: 'locked', user: null });
    } finally {
      await s.close();
    }
  });
});
