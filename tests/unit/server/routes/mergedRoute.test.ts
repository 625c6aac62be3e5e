/**
 * `GET /api/frames/:id/merged` on a generated KITTI tracking dataset (two sequences with oxts
 * poses): the window around the frame, every point moved through the poses into the open frame's
 * LiDAR frame, the budget, the cache, a sweep that cannot be read, and the refusals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MergePool } from '../../../../src/server/merge/MergePool.ts';
import { CheckPool } from '../../../../src/server/checks/CheckPool.ts';
import { MergedStreamDecoder } from '../../../../src/domain/lod/mergedWire.ts';
import type { MergedDone, MergedHead } from '../../../../src/domain/lod/mergedWire.ts';
import { readVelodyneBin } from '../../../../src/domain/kitti/readVelodyneBin.ts';
import type { FramePose } from '../../../../src/domain/poses/Pose.ts';
import { mergeSweeps } from '../../../../src/domain/lod/mergeSweeps.ts';
import { makeKittiDataset, makeTempDir } from '../fixtures/makeDataset.ts';
import { makeKittiTrackingDataset } from '../fixtures/makeSequenceDatasets.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

interface Decoded {
  head: MergedHead;
  done: MergedDone;
  positions: number[];
  time: number[];
}

function decode(payload: Buffer): Decoded {
  const d = new MergedStreamDecoder();
  let head: MergedHead | null = null;
  let done: MergedDone | null = null;
  const positions: number[] = [];
  const time: number[] = [];
  for (const m of d.push(new Uint8Array(payload))) {
    if (m.type === 'head') head = m.head;
    if (m.type === 'done') done = m.done;
    if (m.type === 'error') throw new Error(m.message);
    if (m.type === 'batch') {
      expect(m.batch.start).toBe(time.length);
      positions.push(...m.batch.positions);
      time.push(...m.batch.time);
    }
  }
  expect(d.pending).toBe(0);
  if (!head || !done) throw new Error('no head or done');
  return { head, done, positions, time };
}

/** How many points of `want` have no point of `got` of the same sweep within 1 mm (the wire quantises to 0.25 mm here). */
function unmatched(got: Decoded, want: { positions: Float32Array; time: Float32Array }): number {
  let missing = 0;
  for (let i = 0; i < want.time.length; i++) {
    let found = false;
    for (let j = 0; j < got.time.length && !found; j++) {
      found =
        got.time[j] === want.time[i] &&
        Math.abs(got.positions[j * 3] - want.positions[i * 3]) < 1e-3 &&
        Math.abs(got.positions[j * 3 + 1] - want.positions[i * 3 + 1]) < 1e-3 &&
        Math.abs(got.positions[j * 3 + 2] - want.positions[i * 3 + 2]) < 1e-3;
    }
    if (!found) missing++;
  }
  return missing;
}

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

describe('merged sweeps from the server', () => {
  let server: TestServer;
  let data: string;
  const warm = vi.spyOn(MergePool.prototype, 'warm');
  beforeAll(async () => {
    const root = makeTempDir('cuboid-merged-');
    roots.push(root);
    data = makeKittiTrackingDataset(path.join(root, 'data'));
    server = await startTestServer({ dataDir: data });
  });
  afterAll(() => server.close());

  it('starts and warms its merge thread when the server starts on a dataset with poses', async () => {
    await expect.poll(() => warm.mock.calls.length).toBe(1);
    expect(warm.mock.calls[0][0]?.frame.id).toBe('0000_000000');
  });

  it('merges the frame and its neighbours of the same sequence through their poses, open frame first', async () => {
    const res = await server.app.inject('/api/frames/0000_000001/merged?sweeps=1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    const got = decode(res.rawPayload);
    expect(got.head.offsets).toEqual([0, 1, -1]);
    expect(got.done.count).toBe(600);
    expect(got.done.sent).toBe(600);
    expect(got.done.skipped).toEqual([]);
    // The same merge worked out here from the files and the served poses.
    const poses = (await server.app.inject('/api/poses')).json() as { frames: Record<string, FramePose> };
    const ids = ['0000_000001', '0000_000002', '0000_000000'];
    const sweeps = ids.map((id, k) => ({
      positions: readVelodyneBin(new Uint8Array(fs.readFileSync(path.join(data, 'velodyne', '0000', `${id.slice(5)}.bin`))), { layout: 'xyzi' }).positions,
      pose: poses.frames[id].pose,
      time: [0, 1, -1][k],
    }));
    const want = mergeSweeps(sweeps, poses.frames['0000_000001'].pose);
    expect(want.count).toBe(600);
    expect(unmatched(got, want)).toBe(0);
    // The first points sent are the open frame's (its sweep is ranked first).
    expect(got.time[0]).toBe(0);
  });

  it('stops the window at the sequence end, keeps to the budget, and answers a repeat from its cache', async () => {
    const first = decode((await server.app.inject('/api/frames/0001_000000/merged?sweeps=3&budget=1000')).rawPayload);
    expect(first.head.offsets).toEqual([0, 1]);
    expect(first.done.cached).toBe(false);
    const again = decode((await server.app.inject('/api/frames/0001_000000/merged?sweeps=3&budget=1000')).rawPayload);
    expect(again.done.cached).toBe(true);
    expect(again.positions).toEqual(first.positions);
    // 1,000 points asked of 400: all of them.
    expect(first.done.sent).toBe(400);
  });

  it('pauses the background checks while a page waits on a merge, not for one merged ahead', async () => {
    const released = vi.fn();
    const hold = vi.spyOn(CheckPool.prototype, 'holdChecks').mockImplementation(() => released);
    try {
      const res = await server.app.inject('/api/frames/0001_000001/merged?sweeps=1&budget=1500');
      expect(decode(res.rawPayload).done.count).toBeGreaterThan(0);
      expect(hold).toHaveBeenCalledTimes(1);
      await expect.poll(() => released.mock.calls.length).toBe(1);
      // Merged ahead, no page waiting: the checks go on.
      expect((await server.app.inject('/api/frames/0001_000000/merged?sweeps=1&budget=1500&prefetch=1')).statusCode).toBe(202);
      expect(hold).toHaveBeenCalledTimes(1);
    } finally {
      hold.mockRestore();
    }
  });

  it('merges ahead into its cache when asked to prefetch, and streams that merge from it', async () => {
    const ahead = await server.app.inject('/api/frames/0000_000002/merged?sweeps=2&prefetch=1');
    expect(ahead.statusCode).toBe(202);
    expect(ahead.rawPayload.length).toBe(0);
    // 202 while it is under way, 204 once it is in the cache.
    let status = 202;
    for (let i = 0; i < 200 && status === 202; i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = (await server.app.inject('/api/frames/0000_000002/merged?sweeps=2&prefetch=1')).statusCode;
    }
    expect(status).toBe(204);
    const got = decode((await server.app.inject('/api/frames/0000_000002/merged?sweeps=2')).rawPayload);
    expect(got.done.cached).toBe(true);
    expect(got.head.offsets).toEqual([0, -1, -2]);
    expect(got.done.count).toBe(600);
  });

  it('follows a merge made ahead that is still under way instead of beginning it again', async () => {
    const url = '/api/frames/0000_000001/merged?sweeps=2&budget=1000';
    // The merge made ahead is held until the page's request has joined it.
    const run = MergePool.prototype.run;
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const spy = vi.spyOn(MergePool.prototype, 'run').mockImplementationOnce(async function (this: MergePool, ...args: Parameters<MergePool['run']>) {
      await held;
      return run.apply(this, args);
    });
    try {
      expect((await server.app.inject(`${url}&prefetch=1`)).statusCode).toBe(202);
      const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${base}${url}`);
      const reader = res.body!.getReader();
      const chunks: Uint8Array[] = [];
      // The head (what the merge made ahead sent so far) comes at once: the request has joined it.
      const first = await reader.read();
      chunks.push(first.value!);
      release();
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
      const got = decode(Buffer.concat(chunks));
      expect(spy).toHaveBeenCalledTimes(1);
      expect(got.done.joined).toBe(true);
      expect(got.done.cached).toBe(false);
      expect(got.head.offsets).toEqual([0, 1, -1]);
      expect(got.done.count).toBe(600);
      expect(got.time.length).toBe(600);
      // The merge was kept: the same window again comes from the cache, the same points.
      const again = decode((await server.app.inject(url)).rawPayload);
      expect(again.done.cached).toBe(true);
      expect(again.positions).toEqual(got.positions);
    } finally {
      release();
      spy.mockRestore();
    }
  });

  it('reads the sweeps ahead when asked (read=1), one read at a time, and stops reading for a merge asked for', async () => {
    const readAhead = vi.spyOn(MergePool.prototype, 'readAhead');
    try {
      const res = await server.app.inject('/api/frames/0001_000001/merged?sweeps=2&read=1');
      expect(res.statusCode).toBe(202);
      expect(res.rawPayload.length).toBe(0);
      expect(readAhead).toHaveBeenCalledTimes(1);
      // The window a merge of 2 each side would read: the frame and its sequence's other frame (the sequence ends there).
      expect(readAhead.mock.calls[0][0].map((s) => s.frame.id)).toEqual(['0001_000001', '0001_000000']);
      // The read itself: every point of the two sweeps, nothing sent.
      const done = await readAhead.mock.results[0].value;
      expect(done.count).toBe(400);
      expect(done.sent).toBe(0);
      expect(done.cancelled).toBeUndefined();
    } finally {
      readAhead.mockRestore();
    }
    // A read held under way: a second read is not begun (204), and a merge stops it.
    let signal: AbortSignal | undefined;
    let finish: () => void = () => undefined;
    const held = vi.spyOn(MergePool.prototype, 'readAhead').mockImplementationOnce(async (_sweeps, s) => {
      signal = s;
      await new Promise<void>((r) => (finish = r));
      return { count: 0, sent: 0, coarse: 0, skipped: [], gatherMs: 0, orderMs: 0, firstBatchMs: NaN, cached: false };
    });
    try {
      expect((await server.app.inject('/api/frames/0000_000001/merged?sweeps=1&read=1')).statusCode).toBe(202);
      expect((await server.app.inject('/api/frames/0000_000002/merged?sweeps=1&read=1')).statusCode).toBe(204);
      expect(signal?.aborted).toBe(false);
      const merged = decode((await server.app.inject('/api/frames/0000_000001/merged?sweeps=1&budget=1200')).rawPayload);
      expect(merged.done.count).toBe(600);
      expect(signal?.aborted).toBe(true);
    } finally {
      finish();
      held.mockRestore();
    }
    const both = await server.app.inject('/api/frames/0000_000001/merged?sweeps=1&read=1&prefetch=1');
    expect(both.statusCode).toBe(400);
    expect(both.json().detail).toMatch(/^read: reading the sweeps ahead goes alone/);
  });

  it('sends every merged point within a disc, and only those, for a view zoomed in past the budget', async () => {
    const all = decode((await server.app.inject('/api/frames/0000_000001/merged?sweeps=1')).rawPayload);
    // A disc around the first point of the whole merge, 3 m across.
    const [x, y] = [all.positions[0], all.positions[1]];
    const inside = (px: number, py: number): boolean => Math.hypot(px - x, py - y) <= 3;
    const want = all.time.filter((_, i) => inside(all.positions[3 * i], all.positions[3 * i + 1])).length;
    expect(want).toBeGreaterThan(0);
    expect(want).toBeLessThan(all.time.length);
    const res = await server.app.inject(`/api/frames/0000_000001/merged?sweeps=1&near=${x.toFixed(3)},${y.toFixed(3)},3`);
    expect(res.statusCode).toBe(200);
    const got = decode(res.rawPayload);
    expect(got.head.offsets).toEqual([0, 1, -1]);
    expect(got.done.count).toBe(got.time.length);
    expect(got.done.sent).toBe(got.time.length);
    // Within the rounding of the disc's centre to 1 mm and of the wire to 0.25 mm.
    expect(Math.abs(got.time.length - want)).toBeLessThanOrEqual(1);
    for (let i = 0; i < got.time.length; i++) expect(Math.hypot(got.positions[3 * i] - x, got.positions[3 * i + 1] - y)).toBeLessThan(3.01);
    // A disc wider than the whole merge: all of it.
    const few = decode((await server.app.inject(`/api/frames/0000_000001/merged?sweeps=1&budget=1000&near=${x.toFixed(3)},${y.toFixed(3)},100`)).rawPayload);
    expect(few.done.count).toBe(600);
    expect(few.done.sent).toBe(600);
  });

  it('refuses a malformed disc, and a disc merged ahead', async () => {
    const bad = await server.app.inject('/api/frames/0000_000001/merged?sweeps=1&near=1,2');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('near: expected x,y,r in metres (r from 1 to 100)');
    const far = await server.app.inject('/api/frames/0000_000001/merged?sweeps=1&near=1,2,500');
    expect(far.statusCode).toBe(400);
    const ahead = await server.app.inject('/api/frames/0000_000001/merged?sweeps=1&near=1,2,5&prefetch=1');
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().detail).toMatch(/^near: /);
  });

  it('names a sweep that cannot be read and merges the others', async () => {
    // A dataset of its own: the merge thread keeps the sweeps it parsed (by file and size).
    const root = makeTempDir('cuboid-merged-bad-');
    roots.push(root);
    const bad = makeKittiTrackingDataset(path.join(root, 'data'));
    fs.writeFileSync(path.join(bad, 'velodyne', '0000', '000002.bin'), new Uint8Array(7));
    const own = await startTestServer({ dataDir: bad });
    try {
      const got = decode((await own.app.inject('/api/frames/0000_000000/merged?sweeps=2')).rawPayload);
      expect(got.head.offsets).toEqual([0, 1, 2]);
      expect(got.done.count).toBe(400);
      expect(got.done.skipped).toHaveLength(1);
      expect(got.done.skipped[0]).toMatch(/^0000_000002: .*000002\.bin/);
    } finally {
      await own.close();
    }
  });

  it('refuses an unknown frame, a bad query, and says why a frame without a pose cannot be merged', async () => {
    expect((await server.app.inject('/api/frames/nope/merged?sweeps=1')).statusCode).toBe(404);
    const bad = await server.app.inject('/api/frames/0000_000001/merged?sweeps=26');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('sweeps: expected an integer from 1 to 25');
    const root = makeTempDir('cuboid-merged-plain-');
    roots.push(root);
    const plain = await startTestServer({ dataDir: makeKittiDataset(path.join(root, 'data')) });
    try {
      const id = ((await plain.app.inject('/api/frames')).json() as { id: string }[])[0].id;
      const res = await plain.app.inject(`/api/frames/${id}/merged?sweeps=2`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toBe('no_pose');
      expect(res.json().detail).toContain(`frame "${id}" cannot be merged with its neighbours`);
    } finally {
      await plain.close();
    }
  });
});
