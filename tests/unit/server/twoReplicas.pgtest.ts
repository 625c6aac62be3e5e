import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { createToken, hashToken, tokenLookupKey } from '../../../src/server/auth/tokens.ts';
import { createServer } from '../../../src/server/createServer.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testDatabase.ts';
import { makeKittiDataset, makeTempDir, sampleCuboid } from './fixtures/makeDataset.ts';

// Two `cuboid serve` replicas on one PostgreSQL database, as behind a load balancer: each has its
// own connection pool, its own in-process queues and caches; the dataset and state folder are shared.
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

interface Replicas {
  a: FastifyInstance;
  b: FastifyInstance;
  db: TestDatabase;
  stateDir: string;
  /** The session cookie of user `lee` (a lead), logged in on replica A. */
  cookie: string;
}

async function startReplicas(): Promise<Replicas> {
  const root = makeTempDir();
  const dataDir = makeKittiDataset(path.join(root, 'data'), { ids: ['000000', '000001'] });
  const stateDir = path.join(root, 'state');
  const db = await createTestDatabase();
  cleanup.push(async () => {
    await db.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const open = async () => {
    const app = await createServer({ dataDir, stateDir, db: db.url, submitChecker: async () => [], loginRateLimit: { max: 10_000, windowMs: 60_000 } });
    cleanup.push(() => app.close());
    return app;
  };
  // Started together: both run the migrations' advisory-locked check at once.
  const [a, b] = await Promise.all([open(), open()]);
  const token = createToken();
  await a.cuboid.storage.users.addUser({ name: 'lee', role: 'lead', tokenLookup: tokenLookupKey(token), tokenHash: await hashToken(token) });
  const login = await a.inject({ method: 'POST', url: '/api/session', payload: { token } });
  expect(login.statusCode).toBe(200);
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  return { a, b, db, stateDir, cookie };
}

const as = (app: FastifyInstance, cookie: string, o: InjectOptions | string) => {
  const options: InjectOptions = typeof o === 'string' ? { url: o } : { ...o };
  options.headers = { ...options.headers, cookie };
  return app.inject(options);
};

describe('two replicas on one PostgreSQL database', () => {
  it('a login made on one replica is valid on the other, and a logout on the other ends it', async () => {
    const r = await startReplicas();
    expect((await as(r.b, r.cookie, '/api/session')).json()).toEqual({ mode: 'auth', user: { name: 'lee', role: 'lead' } });
    expect((await as(r.b, r.cookie, '/api/frames')).statusCode).toBe(200);
    expect((await r.b.inject('/api/frames')).statusCode).toBe(401);
    expect((await as(r.b, r.cookie, { method: 'DELETE', url: '/api/session' })).statusCode).toBeLessThan(300);
    expect((await as(r.a, r.cookie, '/api/frames')).statusCode).toBe(401);
  });

  it('concurrent saves of one frame through both replicas: no lost update, no duplicate revision, the label file follows the last', async () => {
    const r = await startReplicas();
    const writers = 6;
    const rounds = 6;
    let acknowledged = 0;
    const ackedRevisions: number[] = [];
    // Each writer adds its own boxes; on 409 it rebuilds on the current document, as the app's merge does.
    const writer = async (w: number): Promise<void> => {
      const app = w % 2 === 0 ? r.a : r.b;
      for (let k = 0; k < rounds; k++) {
        let current = (await as(app, r.cookie, '/api/frames/000001/annotation')).json() as FrameAnnotation;
        for (;;) {
          const box = sampleCuboid(`w${w}-k${k}`, { center: [5 + w * 3, k * 3 - 8, -0.9] });
          const doc = { ...current, cuboids: [...current.cuboids, box] };
          const res = await as(app, r.cookie, {
            method: 'PUT',
            url: '/api/frames/000001/annotation',
            payload: doc,
            headers: { 'if-match': `"${current.revision}"` },
          });
          if (res.statusCode === 200) {
            acknowledged++;
            ackedRevisions.push((res.json().annotation as FrameAnnotation).revision);
            break;
          }
          expect(res.statusCode).toBe(409);
          current = res.json().current as FrameAnnotation;
        }
      }
    };
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    expect(acknowledged).toBe(writers * rounds);
    expect(new Set(ackedRevisions).size).toBe(acknowledged);
    const final = (await as(r.b, r.cookie, '/api/frames/000001/annotation')).json() as FrameAnnotation;
    expect(final.revision).toBe(acknowledged);
    const ids = new Set(final.cuboids.map((c) => c.id));
    for (let w = 0; w < writers; w++) for (let k = 0; k < rounds; k++) expect(ids.has(`w${w}-k${k}`)).toBe(true);
    expect(final.cuboids.length).toBe(writers * rounds);
    const saves = (await r.a.cuboid.storage.listActivity({ frameId: '000001', limit: 1000 })).filter((e) => e.action === 'save');
    expect(saves.map((e) => e.revision).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(Array.from({ length: acknowledged }, (_, i) => i + 1));
    // The label file (written under the shared advisory lock) holds the final revision, and nothing is left dirty.
    const label = fs.readFileSync(path.join(r.stateDir, 'label_2', '000001.txt'), 'utf8');
    expect(label).toBe((await as(r.a, r.cookie, '/api/frames/000001/label')).body);
    expect(label.trim().split('\n')).toHaveLength(writers * rounds);
    expect(await r.b.cuboid.storage.listDirtyLabels()).toEqual([]);
  });

  it("a frame's check summary is computed once and listed by both", async () => {
    const r = await startReplicas();
    const [fromA, fromB] = await Promise.all([as(r.a, r.cookie, '/api/frames/000000/checks'), as(r.b, r.cookie, '/api/frames/000000/checks')]);
    expect(fromA.statusCode).toBe(200);
    expect(fromB.json()).toEqual(fromA.json());
    const stored = await r.a.cuboid.storage.checkSummaries?.listLatest();
    expect(stored?.map((e) => [e.frameId, e.revision])).toEqual([['000000', 0]]);
    // B never listed a summary of its own for 000001; A computes it, B's frame list shows it.
    const one = (await as(r.a, r.cookie, '/api/frames/000001/checks')).json() as { error: number; warning: number; info: number };
    const listed = ((await as(r.b, r.cookie, '/api/frames')).json() as { id: string; checks?: unknown }[]).find((f) => f.id === '000001');
    expect(listed?.checks).toEqual({ error: one.error, warning: one.warning, info: one.info });
  });
});
