import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { sampleCuboid, sampleDoc } from './fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from './fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function putFrom(s: TestServer, doc: FrameAnnotation, base: number) {
  return s.app.inject({ method: 'PUT', url: `/api/frames/${doc.frameId}/annotation`, payload: doc, headers: { 'if-match': `"${base}"` } });
}

describe('two clients saving the same frame from the same revision', () => {
  it('exactly one wins, the other gets 409 with the winner, and its retry loses nothing', async () => {
    server = await startTestServer();
    const alice = sampleDoc('000001', [sampleCuboid('alice-box', { center: [10, 1, -1] })]);
    const bob = sampleDoc('000001', [sampleCuboid('bob-box', { center: [20, -1, -1] })]);
    const [ra, rb] = await Promise.all([putFrom(server, alice, 0), putFrom(server, bob, 0)]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 409]);
    const [winner, loser, loserDoc] = ra.statusCode === 200 ? [ra, rb, bob] : [rb, ra, alice];
    const current = loser.json().current as FrameAnnotation;
    expect(current).toEqual(winner.json().annotation);

    // The loser merges its box onto the current revision and saves again.
    const merged = { ...current, cuboids: [...current.cuboids, ...loserDoc.cuboids] };
    const retry = await putFrom(server, merged, current.revision);
    expect(retry.statusCode).toBe(200);
    const final = (await server.app.inject('/api/frames/000001/annotation')).json() as FrameAnnotation;
    expect(final.revision).toBe(2);
    expect(final.cuboids.map((c) => c.id).sort()).toEqual(['alice-box', 'bob-box']);
    const label = fs.readFileSync(path.join(server.stateDir, 'label_2', '000001.txt'), 'utf8');
    expect(label.trim().split('\n')).toHaveLength(2);
    expect((await server.app.inject('/api/frames/000001/revisions')).json()).toHaveLength(2);
  });

  it('over real HTTP, 20 simultaneous saves from one revision give one 200 and 19 409s', async () => {
    server = await startTestServer();
    await putFrom(server, sampleDoc('000002'), 0);
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${address}/api/frames/000002/annotation`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'if-match': '"1"' },
          body: JSON.stringify(sampleDoc('000002', [sampleCuboid(`c${i}`)])),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = (await responses[statuses.indexOf(200)].json()) as { annotation: FrameAnnotation };
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(((await r.json()) as { current: FrameAnnotation }).current).toEqual(winner.annotation);
    }
  });
});
