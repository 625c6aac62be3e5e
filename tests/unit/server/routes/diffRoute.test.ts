import { afterEach, describe, expect, it } from 'vitest';
import { SHARED_KITTI } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /api/frames/:id/diff before any submit', () => {
  it('counts changes from the imported labels, so an untouched imported frame shows none', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const doc = (await server.app.inject('/api/frames/000001/annotation')).json();
    expect(doc.revision).toBe(1);
    const untouched = (await server.app.inject('/api/frames/000001/diff')).json();
    expect(untouched).toMatchObject({ fromRevision: 1, toRevision: 1, counts: { added: 0, removed: 0, changed: 0, unchanged: 3 } });
    const moved = {
      ...doc,
      cuboids: doc.cuboids.map((c: { center: number[] }, i: number) => (i === 0 ? { ...c, center: [c.center[0] + 1, c.center[1], c.center[2]] } : c)),
    };
    expect((await server.app.inject({ method: 'PUT', url: '/api/frames/000001/annotation', payload: moved, headers: { 'if-match': '"1"' } })).statusCode).toBe(
      200,
    );
    const edited = (await server.app.inject('/api/frames/000001/diff')).json();
    expect(edited).toMatchObject({ fromRevision: 1, toRevision: 2, counts: { added: 0, removed: 0, changed: 1, unchanged: 2 } });
  });

  it('right after a first submit, still counts from the import (the submitted revision against itself was empty)', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const doc = (await server.app.inject('/api/frames/000001/annotation')).json();
    const moved = {
      ...doc,
      cuboids: doc.cuboids.map((c: { center: number[] }, i: number) => (i === 0 ? { ...c, center: [c.center[0] + 0.1, c.center[1], c.center[2]] } : c)),
    };
    await server.app.inject({ method: 'PUT', url: '/api/frames/000001/annotation', payload: moved, headers: { 'if-match': '"1"' } });
    expect((await server.app.inject({ method: 'POST', url: '/api/frames/000001/submit', payload: {} })).statusCode).toBe(200);
    const diff = (await server.app.inject('/api/frames/000001/diff')).json();
    expect(diff).toMatchObject({ fromRevision: 1, toRevision: 3, counts: { changed: 1 } });
  });
});
