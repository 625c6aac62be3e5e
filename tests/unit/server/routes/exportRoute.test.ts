import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARED_KITTI, sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /api/export.zip', () => {
  it('streams the KITTI training tree as a zip', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const res = await server.app.inject('/api/export.zip?split=0.5&seed=s');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="kitti-kitti.zip"');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual(
      [
        'ImageSets/test.txt',
        'ImageSets/train.txt',
        'ImageSets/val.txt',
        'cuboid_export.json',
        ...['calib', 'image_2', 'label_2', 'velodyne'].flatMap((d) =>
          ['000000', '000001', '000002'].map((id) => `training/${d}/${id}.${d === 'velodyne' ? 'bin' : d === 'image_2' ? 'png' : 'txt'}`),
        ),
      ].sort(),
    );
    const label = new TextDecoder().decode(files['training/label_2/000001.txt']);
    expect(label).toBe(fs.readFileSync(path.join(SHARED_KITTI, 'label_2', '000001.txt'), 'utf8'));
    expect(Buffer.compare(Buffer.from(files['training/velodyne/000002.bin']), fs.readFileSync(path.join(SHARED_KITTI, 'velodyne', '000002.bin')))).toBe(0);
    const train = new TextDecoder().decode(files['ImageSets/train.txt']).split('\n').filter(Boolean);
    const val = new TextDecoder().decode(files['ImageSets/val.txt']).split('\n').filter(Boolean);
    expect([...train, ...val].sort()).toEqual(['000000', '000001', '000002']);
    expect(train.length).toBe(2);
    // Independent KITTI frames: split frame by frame, and the manifest says how.
    expect(JSON.parse(new TextDecoder().decode(files['cuboid_export.json'])).splitBy).toBe('frame');
  });

  it('splits in time with splitBy=time: the last frame goes to val', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const res = await server.app.inject('/api/export.zip?split=0.5&splitBy=time&points=0&images=0');
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(new TextDecoder().decode(files['ImageSets/val.txt'])).toBe('000002\n');
  });

  it('filters by the review status and can leave out points and images', async () => {
    server = await startTestServer({ submitChecker: async () => [] });
    await server.app.inject({
      method: 'PUT',
      url: '/api/frames/000002/annotation',
      payload: { ...sampleDoc('000002', [sampleCuboid('a')]), status: 'accepted' },
      headers: { 'if-match': '"0"' },
    });
    // The body's status is ignored: only a reviewer's accept makes a frame accepted.
    await server.app.inject({ method: 'POST', url: '/api/frames/000001/submit', payload: {} });
    for (const step of ['submit', 'accept']) {
      expect((await server.app.inject({ method: 'POST', url: `/api/frames/000002/${step}`, payload: {} })).statusCode).toBe(200);
    }
    const res = await server.app.inject('/api/export.zip?status=accepted&points=0&images=0');
    // Named after the filter, so that it does not overwrite the all-frames download.
    expect(res.headers['content-disposition']).toBe('attachment; filename="data-kitti-accepted.zip"');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      'ImageSets/test.txt',
      'ImageSets/train.txt',
      'ImageSets/val.txt',
      'cuboid_export.json',
      'training/calib/000002.txt',
      'training/label_2/000002.txt',
    ]);
    const manifest = JSON.parse(new TextDecoder().decode(files['cuboid_export.json']));
    expect(manifest).toMatchObject({ frames: 1, filteredOut: 2, options: { statuses: ['accepted'] } });
  });

  it.each(['split=2', 'split=', 'splitBy=scene', 'status=done', 'bin=yes', 'split=0.5&split=0.6'])('refuses %s with 400', async (query) => {
    server ??= await startTestServer();
    const res = await server.app.inject(`/api/export.zip?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_query');
  });
});
