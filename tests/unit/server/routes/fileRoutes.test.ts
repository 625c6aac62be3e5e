import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_KITTI, SHARED_PCD } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let kitti: TestServer;
let pcd: TestServer;
const bin = fs.readFileSync(path.join(SHARED_KITTI, 'velodyne', '000001.bin'));

beforeAll(async () => {
  kitti = await startTestServer({ dataDir: SHARED_KITTI });
  pcd = await startTestServer({ dataDir: SHARED_PCD });
});
afterAll(async () => {
  await kitti.close();
  await pcd.close();
});

describe('GET /api/frames/:id/points', () => {
  it('streams the raw file with its length and format', async () => {
    const res = await kitti.app.inject('/api/frames/000001/points');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(bin.length));
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['x-cuboid-points-format']).toBe('bin');
    expect(Buffer.compare(res.rawPayload, bin)).toBe(0);
  });

  it('serves one range as 206 with Content-Range', async () => {
    const res = await kitti.app.inject({ url: '/api/frames/000001/points', headers: { range: 'bytes=16-47' } });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 16-47/${bin.length}`);
    expect(res.headers['content-length']).toBe('32');
    expect(Buffer.compare(res.rawPayload, bin.subarray(16, 48))).toBe(0);
  });

  it('serves open-ended and suffix ranges', async () => {
    const tail = await kitti.app.inject({ url: '/api/frames/000001/points', headers: { range: 'bytes=-16' } });
    expect(tail.statusCode).toBe(206);
    expect(Buffer.compare(tail.rawPayload, bin.subarray(bin.length - 16))).toBe(0);
    const rest = await kitti.app.inject({ url: '/api/frames/000001/points', headers: { range: `bytes=${bin.length - 5}-` } });
    expect(rest.rawPayload.length).toBe(5);
  });

  it('answers 416 with the size for a range past the end or a malformed one', async () => {
    for (const range of [`bytes=${bin.length}-`, 'bytes=9-3', 'bytes=x-y']) {
      const res = await kitti.app.inject({ url: '/api/frames/000001/points', headers: { range } });
      expect(res.statusCode).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${bin.length}`);
      expect(res.json().error).toBe('range_not_satisfiable');
    }
  });

  it('ignores the range when If-Range no longer matches', async () => {
    const res = await kitti.app.inject({ url: '/api/frames/000001/points', headers: { range: 'bytes=0-15', 'if-range': '"stale"' } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBe(bin.length);
    const etag = res.headers.etag as string;
    const ok = await kitti.app.inject({ url: '/api/frames/000001/points', headers: { range: 'bytes=0-15', 'if-range': etag } });
    expect(ok.statusCode).toBe(206);
  });

  it('answers HEAD with the length and no body', async () => {
    const res = await kitti.app.inject({ method: 'HEAD', url: '/api/frames/000001/points' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(bin.length));
    expect(res.rawPayload.length).toBe(0);
  });

  it('serves PCD files of a flat folder', async () => {
    const file = path.join(SHARED_PCD, 'pcl_milk_xyzrgba_binary_compressed.pcd');
    const res = await pcd.app.inject('/api/frames/pcl_milk_xyzrgba_binary_compressed/points');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-cuboid-points-format']).toBe('pcd');
    expect(Buffer.compare(res.rawPayload, fs.readFileSync(file))).toBe(0);
  });

  it('answers 404 for unknown frames', async () => {
    const res = await kitti.app.inject('/api/frames/000009/points');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'frame_not_found' });
  });
});

describe('GET /api/frames/:id/image', () => {
  it('serves the PNG', async () => {
    const res = await kitti.app.inject('/api/frames/000000/image');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.length).toBe(893_783);
  });

  it('answers 404 no_image for a frame without one', async () => {
    const res = await pcd.app.inject('/api/frames/pcl_bunny_normals_ascii/image');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('no_image');
  });
});
