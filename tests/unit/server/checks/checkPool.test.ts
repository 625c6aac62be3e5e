import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameCheckSummary } from '../../../../src/domain/api/wireTypes.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';
import { sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * `n` boxes in one place: every pair is a duplicate, so the checks give n·(n−1) results (400
 * boxes: 159,600, more than a spread into push() can take) and take a few seconds on few points.
 */
function pile(n: number): Cuboid[] {
  return Array.from({ length: n }, (_, i) => sampleCuboid(`c${i}`));
}

async function save(s: TestServer, frameId: string, cuboids: Cuboid[]): Promise<void> {
  const put = await s.app.inject({
    method: 'PUT',
    url: `/api/frames/${frameId}/annotation`,
    payload: sampleDoc(frameId, cuboids),
    headers: { 'if-match': '"0"' },
  });
  expect(put.statusCode).toBe(200);
}

describe('server checks in the worker pool', () => {
  it('answers cheap requests while a heavy frame is checked, and a frame with 159,600 results gives 200, not a stack overflow', async () => {
    server = await startTestServer({ fixture: { points: 50 }, checks: { threads: 1 } });
    await save(server, '000000', pile(400));
    let settled = false;
    const checks = server.app.inject('/api/frames/000000/checks').finally(() => {
      settled = true;
    });
    // Cheap requests, one after another, for as long as the check runs: on the event loop, the
    // check would hold every one of them until it ended.
    let answered = 0;
    while (!settled) {
      const frames = await server.app.inject('/api/frames');
      expect(frames.statusCode).toBe(200);
      if (!settled) answered++;
    }
    const res = await checks;
    expect(res.statusCode).toBe(200);
    const summary = res.json() as FrameCheckSummary;
    expect(summary.error).toBeGreaterThanOrEqual(400 * 399);
    expect(answered).toBeGreaterThanOrEqual(20);
  });

  it('stops a check past the time limit with 503 naming the frame and the limit', async () => {
    server = await startTestServer({ fixture: { points: 50 }, checks: { threads: 1, timeMs: 200 } });
    await save(server, '000000', pile(400));
    const first = await server.app.inject('/api/frames/000000/checks');
    expect(first.statusCode).toBe(503);
    expect(first.json()).toMatchObject({ error: 'check_timeout', frameId: '000000', limitMs: 200 });
    expect(first.json().detail).toMatch(/frame 000000 .*limit of 200 ms/);
    // The navigator's next sweep gets the same answer (remembered: see the next test).
    const again = await server.app.inject('/api/frames/000000/checks');
    expect(again.statusCode).toBe(503);
    expect(again.json()).toEqual(first.json());
  });

  it('caches a failed summary like a good one: a repaired file shows only after a new revision', async () => {
    server = await startTestServer({ fixture: { points: 50 } });
    const bin = path.join(server.dataDir, 'velodyne', '000001.bin');
    const good = fs.readFileSync(bin);
    fs.writeFileSync(bin, new Uint8Array(21));
    const broken = await server.app.inject('/api/frames/000001/checks');
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ error: 'frame_unreadable', frameId: '000001' });
    expect(broken.json().detail).toContain('000001.bin');
    fs.writeFileSync(bin, good);
    // Same revision, same dictionary: the remembered failure.
    expect((await server.app.inject('/api/frames/000001/checks')).json()).toEqual(broken.json());
    await save(server, '000001', [sampleCuboid('a')]);
    const fresh = await server.app.inject('/api/frames/000001/checks');
    expect(fresh.statusCode).toBe(200);
    expect((fresh.json() as FrameCheckSummary).revision).toBe(1);
  });

  it('answers 503 checks_busy when the queue is full, and does not remember it', async () => {
    const ids = ['000000', '000001', '000002', '000003', '000004', '000005'];
    server = await startTestServer({ fixture: { ids, points: 50 }, checks: { threads: 1, maxQueue: 1 } });
    const all = await Promise.all(ids.map((id) => server!.app.inject(`/api/frames/${id}/checks`)));
    const busy = all.filter((r) => r.statusCode === 503);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy[0].json()).toMatchObject({ error: 'checks_busy' });
    const frameId = busy[0].json().frameId as string;
    expect(busy[0].json().detail).toContain(`frame ${frameId} was not checked`);
    // Asked again once the pool is free: checked.
    expect((await server.app.inject(`/api/frames/${frameId}/checks`)).statusCode).toBe(200);
  });

  it('refuses a frame over the size limits with 422 naming the frame and the limit, in the summary and the submit gate', async () => {
    server = await startTestServer({ fixture: { points: 50 }, checks: { maxBoxes: 5, maxPoints: 40 } });
    await save(server, '000000', pile(6));
    const summary = await server.app.inject('/api/frames/000000/checks');
    expect(summary.statusCode).toBe(422);
    expect(summary.json()).toMatchObject({ error: 'frame_too_large', frameId: '000000', limit: 5 });
    expect(summary.json().detail).toBe('frame 000000 has 6 boxes; the checks take at most 5 boxes');
    const submit = await server.app.inject({ method: 'POST', url: '/api/frames/000000/submit', payload: {} });
    expect(submit.statusCode).toBe(422);
    expect(submit.json()).toMatchObject({ error: 'frame_too_large', frameId: '000000' });
    // Points: the fixture's 50 are over the limit of 40.
    await save(server, '000001', pile(1));
    const points = await server.app.inject({ method: 'POST', url: '/api/frames/000001/submit', payload: {} });
    expect(points.statusCode).toBe(422);
    expect(points.json().detail).toBe('frame 000001 has 50 points; the checks take at most 40 points');
  });

  it('runs the submit gate in the pool: a slow gate leaves the server answering and ends in 503 past its limit', async () => {
    server = await startTestServer({ fixture: { points: 50 }, checks: { threads: 1, timeMs: 300 } });
    await save(server, '000000', pile(400));
    let settled = false;
    const submit = server.app.inject({ method: 'POST', url: '/api/frames/000000/submit', payload: {} }).finally(() => {
      settled = true;
    });
    const session = await server.app.inject('/api/session');
    expect(session.statusCode).toBe(200);
    expect(settled).toBe(false);
    const res = await submit;
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: 'check_timeout', frameId: '000000' });
    // Nothing was submitted.
    const doc = (await server.app.inject('/api/frames/000000/annotation')).json() as { status: string; revision: number };
    expect(doc).toMatchObject({ status: 'in_progress', revision: 1 });
  });

  it('stops a check that outgrows the worker heap limit with 422 naming the frame and the limit', async () => {
    // 400 boxes in one place: 159,600 duplicate results (see the first test), more than a 32 MiB heap holds.
    server = await startTestServer({ fixture: { points: 50 }, checks: { threads: 1, memoryMb: 32 } });
    await save(server, '000000', pile(400));
    const res = await server.app.inject('/api/frames/000000/checks');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'frame_too_large', frameId: '000000', limitMb: 32 });
    expect(res.json().detail).toMatch(/frame 000000 needed more memory than the server's limit of 32 MiB/);
    // The server lives on.
    expect((await server.app.inject('/api/frames')).statusCode).toBe(200);
  });
});
