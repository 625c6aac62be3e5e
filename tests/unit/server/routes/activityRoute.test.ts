import { afterEach, describe, expect, it } from 'vitest';
import { sampleDoc } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /api/activity', () => {
  it('lists saves newest first, per frame, with a limit', async () => {
    server = await startTestServer();
    for (const [id, base] of [
      ['000000', 0],
      ['000001', 0],
      ['000001', 1],
    ] as const) {
      await server.app.inject({
        method: 'PUT',
        url: `/api/frames/${id}/annotation`,
        payload: sampleDoc(id),
        headers: { 'if-match': `"${base}"`, 'x-cuboid-user': 'ann' },
      });
    }
    const all = (await server.app.inject('/api/activity')).json();
    expect(all.map((e: { frameId: string; revision: number }) => `${e.frameId}@${e.revision}`)).toEqual(['000001@2', '000001@1', '000000@1']);
    expect(all[0]).toMatchObject({ user: 'ann', action: 'save', detail: { boxCount: 1, status: 'in_progress' } });
    expect((await server.app.inject('/api/activity?frameId=000000')).json()).toHaveLength(1);
    expect((await server.app.inject('/api/activity?limit=1')).json()).toHaveLength(1);
  });

  it.each(['limit=0', 'limit=abc', 'limit=5000', 'frameId=..', 'limit=1&limit=2'])('refuses %s', async (q) => {
    server ??= await startTestServer();
    expect((await server.app.inject(`/api/activity?${q}`)).statusCode).toBe(400);
  });
});
