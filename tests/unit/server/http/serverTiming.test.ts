import { afterEach, describe, expect, it } from 'vitest';
import type { FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { TEST_BACKEND } from '../../../helpers/testDatabase.ts';
import { sampleCuboid } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

/** `a;dur=1.5, b;dur=2` → { a: 1.5, b: 2 }. */
function phases(header: unknown): Record<string, number> {
  return Object.fromEntries(
    String(header)
      .split(',')
      .map((p) => /^\s*([\w-]+);dur=([\d.]+)$/.exec(p))
      .filter((m) => m !== null)
      .map((m) => [m[1], Number(m[2])]),
  );
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  delete process.env.CUBOID_SERVER_TIMING;
});

describe('Server-Timing (CUBOID_SERVER_TIMING=1, for bench:scale)', () => {
  it('a save names the time of each phase, which add up to the total', async () => {
    process.env.CUBOID_SERVER_TIMING = '1';
    server = await startTestServer();
    const doc = (await server.app.inject('/api/frames/000000/annotation')).json() as FrameAnnotation;
    const res = await server.app.inject({
      method: 'PUT',
      url: '/api/frames/000000/annotation',
      payload: { ...doc, cuboids: [sampleCuboid('t')] },
      headers: { 'if-match': `"${doc.revision}"` },
    });
    expect(res.statusCode).toBe(200);
    const p = phases(res.headers['server-timing']);
    for (const name of ['refresh', 'auth', 'body', 'handler', 'total']) expect(p[name], name).toBeGreaterThanOrEqual(0);
    expect(p.refresh + p.auth + p.body + p.handler).toBeCloseTo(p.total, 1);
    // On PostgreSQL the database round trips are named inside those phases.
    if (TEST_BACKEND === 'postgres') for (const name of ['db-read', 'db-save', 'db-wait']) expect(p[name], name).toBeGreaterThanOrEqual(0);
  });

  it('is off by default: no header', async () => {
    server = await startTestServer();
    const res = await server.app.inject('/api/frames/000000/annotation');
    expect(res.statusCode).toBe(200);
    expect(res.headers['server-timing']).toBeUndefined();
  });
});
