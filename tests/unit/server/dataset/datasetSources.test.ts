import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dataset } from '../../../../src/server/dataset/Dataset.ts';
import { DatasetUnavailableError } from '../../../../src/server/dataset/sourceErrors.ts';
import type { S3Source } from '../../../../src/server/dataset/S3Source.ts';
import { sourceFor } from '../../../../src/server/dataset/sources.ts';
import { runExport } from '../../../../src/cli/exportCommand.ts';
import { SHARED_KITTI, SHARED_PCD, makeTempDir, readTree, sampleCuboid } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';
import { startTestBucket, type TestBucket } from '../fixtures/testBucket.ts';

// The same dataset read from a local folder and from an S3-compatible bucket (s3rver) must give
// the same index, bytes, ranges, calib, labels and exports.

let bucket: TestBucket;
const where: Record<'folder' | 'bucket', { kitti: string; pcd: string }> = {
  folder: { kitti: SHARED_KITTI, pcd: SHARED_PCD },
  bucket: { kitti: '', pcd: '' },
};
const temps: string[] = [];
const bin = fs.readFileSync(path.join(SHARED_KITTI, 'velodyne', '000001.bin'));

beforeAll(async () => {
  bucket = await startTestBucket();
  where.bucket.kitti = await bucket.upload(SHARED_KITTI, 'sets/kitti');
  where.bucket.pcd = await bucket.upload(SHARED_PCD, 'sets/pcd');
}, 60_000);
afterAll(async () => {
  await bucket.close();
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function temp(): string {
  const d = makeTempDir();
  temps.push(d);
  return d;
}

describe.each(['folder', 'bucket'] as const)('a dataset in a %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dataDir: where[kind].kitti });
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('is indexed with the same frames and files (KITTI and flat layouts)', async () => {
    const ds = await Dataset.scan(where[kind].kitti);
    expect(ds.layout).toBe('kitti');
    expect(ds.ids()).toEqual(['000000', '000001', '000002']);
    const f = ds.get('000001');
    expect(f?.points).toMatchObject({ format: 'bin', bytes: 1_924_288 });
    expect(f?.source.kind).toBe(kind === 'folder' ? 'local' : 's3');
    expect(ds.source.display(f?.calibPath as string)).toBe('calib/000001.txt');
    expect(ds.source.display(f?.labelPath as string)).toBe('label_2/000001.txt');
    expect(f?.image?.contentType).toBe('image/png');
    const flat = await Dataset.scan(where[kind].pcd);
    expect(flat.layout).toBe('flat');
    expect(flat.size).toBe(7);
  });

  it('streams the points whole, by range, suffix and HEAD, with 416 and If-Range', async () => {
    const full = await server.app.inject('/api/frames/000001/points');
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-length']).toBe(String(bin.length));
    expect(full.headers['x-cuboid-points-format']).toBe('bin');
    expect(Buffer.compare(full.rawPayload, bin)).toBe(0);
    const part = await server.app.inject({ url: '/api/frames/000001/points', headers: { range: 'bytes=16-47' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 16-47/${bin.length}`);
    expect(Buffer.compare(part.rawPayload, bin.subarray(16, 48))).toBe(0);
    const tail = await server.app.inject({ url: '/api/frames/000001/points', headers: { range: 'bytes=-16' } });
    expect(Buffer.compare(tail.rawPayload, bin.subarray(bin.length - 16))).toBe(0);
    const past = await server.app.inject({ url: '/api/frames/000001/points', headers: { range: `bytes=${bin.length}-` } });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${bin.length}`);
    const stale = await server.app.inject({ url: '/api/frames/000001/points', headers: { range: 'bytes=0-15', 'if-range': '"stale"' } });
    expect(stale.statusCode).toBe(200);
    const fresh = await server.app.inject({ url: '/api/frames/000001/points', headers: { range: 'bytes=0-15', 'if-range': full.headers.etag as string } });
    expect(fresh.statusCode).toBe(206);
    const head = await server.app.inject({ method: 'HEAD', url: '/api/frames/000001/points' });
    expect(head.headers['content-length']).toBe(String(bin.length));
    expect(head.rawPayload.length).toBe(0);
  });

  it('serves the image, the parsed calib, the frame list and the shipped label as the folder does', async () => {
    const image = await server.app.inject('/api/frames/000000/image');
    expect(image.statusCode).toBe(200);
    expect(image.rawPayload.length).toBe(893_783);
    const calib = (await server.app.inject('/api/frames/000001/calib')).json();
    expect(calib.calib).not.toBeNull();
    expect(calib.imageSize).toEqual([1242, 375]);
    const frames = (await server.app.inject('/api/frames')).json();
    const list = Array.isArray(frames) ? frames : frames.frames;
    expect(list.find((f: { id: string }) => f.id === '000001')).toMatchObject({ pointCount: 1_924_288 / 16, hasCalib: true, hasImage: true, hasLabel: true });
    const label = await server.app.inject('/api/frames/000002/label');
    expect(label.statusCode).toBe(200);
    expect(label.body.split('\n').filter((l) => l.startsWith('Car')).length).toBeGreaterThan(0);
  });

  it("runs the navigator's checks in a worker thread that reads the frame through the same source", async () => {
    const res = await server.app.inject('/api/frames/000001/checks');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ frameId: '000001', error: 0 });
    expect(res.json().warning + res.json().info).toBeGreaterThan(0);
  }, 60_000);

  it('streams the zip export (GET /api/export.zip) with the points and images copied through the source', async () => {
    const res = await server.app.inject('/api/export.zip?split=0.5&seed=s');
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Buffer.compare(Buffer.from(files['training/velodyne/000001.bin']), bin)).toBe(0);
    expect(files['training/image_2/000000.png'].length).toBe(893_783);
  }, 60_000);

  // (Before the save below: in a bucket, label_2 objects are the dataset's own.)
  it('exports the same KITTI tree as from the folder', async () => {
    const mine = path.join(temp(), 'out');
    await runExport(where[kind].kitti, { out: mine, state: temp() });
    const reference = path.join(temp(), 'ref');
    await runExport(SHARED_KITTI, { out: reference, state: temp() });
    const a = readTree(mine);
    const b = readTree(reference);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [k, v] of b) if (k !== 'cuboid_export.json') expect(Buffer.compare(a.get(k) as Buffer, v), k).toBe(0);
  });
  it('writes label_2 after each save, where the source keeps labels', async () => {
    const doc = (await server.app.inject('/api/frames/000001/annotation')).json();
    const res = await server.app.inject({
      method: 'PUT',
      url: '/api/frames/000001/annotation',
      payload: { ...doc, cuboids: [...doc.cuboids, sampleCuboid('added')] },
      headers: { 'if-match': `"${doc.revision}"` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().labelWritten).toBe(true);
    const served = (await server.app.inject('/api/frames/000001/label')).body;
    const written =
      kind === 'bucket' ? await bucket.text('sets/kitti/label_2/000001.txt') : fs.readFileSync(path.join(server.stateDir, 'label_2', '000001.txt'), 'utf8');
    expect(written).toBe(served);
  });
});

describe('a bucket as the export target', () => {
  it('receives the tree under its prefix, the manifest among it; a second export needs --force', async () => {
    const summary = await runExport(SHARED_KITTI, { out: `s3://${bucket.bucket}/exports/run1`, state: temp() });
    expect(summary.frames).toBe(3);
    const keys = await bucket.keys('exports/run1/');
    expect(keys).toContain('exports/run1/cuboid_export.json');
    expect(keys).toContain('exports/run1/training/velodyne/000001.bin');
    const local = readTree(
      await (async () => {
        const out = path.join(temp(), 'out');
        await runExport(SHARED_KITTI, { out, state: temp() });
        return out;
      })(),
    );
    expect(keys.length).toBe(local.size);
    expect(await bucket.text('exports/run1/training/label_2/000001.txt')).toBe(local.get('training/label_2/000001.txt')?.toString('utf8'));
    await expect(runExport(SHARED_KITTI, { out: `s3://${bucket.bucket}/exports/run1`, state: temp() })).rejects.toThrow(/already holds an export.*--force/);
    await runExport(SHARED_KITTI, { out: `s3://${bucket.bucket}/exports/run1`, state: temp(), force: true, status: 'accepted' });
    expect((await bucket.keys('exports/run1/training/')).length).toBe(0);
  });
});

describe('a bucket listed page by page', () => {
  it('gives the same index when every listing page holds one key', async () => {
    const url = await bucket.upload(SHARED_KITTI, 'sets/paged');
    const source = sourceFor({ kind: 's3', root: url, bucket: bucket.bucket, prefix: 'sets/paged/' }) as S3Source;
    source.pageSize = 1;
    const paged = await Dataset.scan(url);
    expect(paged.source).toBe(source);
    const whole = await Dataset.scan(SHARED_KITTI);
    expect(paged.ids()).toEqual(whole.ids());
    for (const id of whole.ids()) {
      const [a, b] = [paged.get(id), whole.get(id)];
      expect([a?.points.bytes, a?.calibPath !== null, a?.labelPath !== null, a?.image !== null]).toEqual([
        b?.points.bytes,
        b?.calibPath !== null,
        b?.labelPath !== null,
        b?.image !== null,
      ]);
    }
  });
});

describe('an object deleted from the bucket while serving', () => {
  it('is reported missing (422) naming it relative to the prefix, as a deleted file is', async () => {
    const url = await bucket.upload(SHARED_KITTI, 'sets/deleted');
    const server = await startTestServer({ dataDir: url });
    try {
      await bucket.remove('sets/deleted/velodyne/000002.bin');
      await bucket.remove('sets/deleted/calib/000001.txt');
      const points = await server.app.inject('/api/frames/000002/points');
      expect(points.statusCode).toBe(422);
      expect(points.json()).toMatchObject({ error: 'file_missing', file: 'velodyne/000002.bin' });
      const calib = await server.app.inject('/api/frames/000001/calib');
      expect(calib.json()).toMatchObject({ error: 'file_missing', file: 'calib/000001.txt' });
    } finally {
      await server.close();
    }
  });
});

describe('a bucket that goes away', () => {
  it('answers 503 naming the cause, keeps every save in the database, and repairs label objects when it is back', async () => {
    const url = await bucket.upload(SHARED_KITTI, 'sets/vanish');
    const server = await startTestServer({ dataDir: url });
    try {
      const doc = (await server.app.inject('/api/frames/000000/annotation')).json();
      // Re-list the bucket on every request, so that the outage meets the listing too.
      (server.app.cuboid.dataset.source as S3Source).relistMs = 0;
      await bucket.stop();
      const points = await server.app.inject('/api/frames/000000/points');
      expect(points.statusCode).toBe(503);
      expect(points.json()).toMatchObject({ error: 'dataset_unavailable' });
      expect(points.json().detail).toMatch(new RegExp(`s3://${bucket.bucket}/sets/vanish cannot be read: ECONNREFUSED`));
      const save = await server.app.inject({
        method: 'PUT',
        url: '/api/frames/000000/annotation',
        payload: { ...doc, cuboids: [...doc.cuboids, sampleCuboid('while-away')] },
        headers: { 'if-match': `"${doc.revision}"` },
      });
      expect(save.statusCode).toBe(200);
      expect(save.json()).toMatchObject({ labelWritten: false, annotation: { revision: doc.revision + 1 } });
      const list = await server.app.inject('/api/frames');
      expect(list.statusCode).toBe(200);
      await bucket.restart();
      const synced = await server.app.cuboid.service.syncDirtyLabels();
      expect(synced.written).toEqual(['000000']);
      expect(await bucket.text('sets/vanish/label_2/000000.txt')).toBe((await server.app.inject('/api/frames/000000/label')).body);
    } finally {
      await bucket.restart().catch(() => undefined);
      await server.close();
    }
  });

  it('at start: `cuboid serve` on a missing bucket prints one line naming it and the cause, and exits 2', () => {
    const run = spawnSync(process.execPath, ['src/cli/cuboid.js', 'serve', 's3://no-such-bucket-here/x', '--port', '0'], {
      encoding: 'utf8',
      env: process.env,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^cuboid serve: the dataset store s3:\/\/no-such-bucket-here\/x cannot be read: NoSuchBucket/);
  }, 60_000);

  it('at start: an unreachable bucket is a DatasetUnavailableError naming it and the cause', async () => {
    await expect(Dataset.scan(`s3://no-such-bucket-here/x`)).rejects.toThrow(DatasetUnavailableError);
    await expect(Dataset.scan(`s3://no-such-bucket-here/x`)).rejects.toThrow(/s3:\/\/no-such-bucket-here\/x cannot be read: NoSuchBucket/);
  });
});
