import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import jpeg from 'jpeg-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckPool } from '../../../../src/server/checks/CheckPool.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
});

const manifestOf = (files: Record<string, Uint8Array>): { converted: { frameId: string }[]; skipped: { frameId: string; file: string; reason: string }[] } =>
  JSON.parse(new TextDecoder().decode(files['cuboid_export.json'])) as never;

describe('GET /api/export.zip converts point files and JPEG images on the check pool, not the event loop', () => {
  it('writes a PCD frame as a KITTI .bin read and converted by a pool thread', async () => {
    const ran = vi.spyOn(CheckPool.prototype, 'runExportFile');
    server = await startTestServer({ fixture: { ids: ['000000', '000001'], points: 30, pcd: ['000001'] }, checks: { threads: 1 } });
    const res = await server.app.inject('/api/export.zip?split=1&format=kitti');
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    // 30 points of x y z reflectance, float32.
    expect(files['training/velodyne/000001.bin'].byteLength).toBe(30 * 16);
    expect(manifestOf(files).converted.map((c) => c.frameId)).toEqual(['000001']);
    expect(ran.mock.calls.map(([task]) => [task.frame.id, task.what])).toEqual([
      ['000000', 'prepare'],
      ['000001', 'prepare'],
    ]);
  });

  it('leaves out a frame whose PCD the pool thread cannot read, naming the file and why', async () => {
    server = await startTestServer({ fixture: { ids: ['000000', '000001'], points: 30, pcd: ['000001'] }, checks: { threads: 1 } });
    const pcd = path.join(server.dataDir, 'velodyne', '000001.pcd');
    fs.writeFileSync(pcd, 'VERSION 0.7\nFIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1 1\nWIDTH 3\nHEIGHT 1\nPOINTS 3\nDATA ascii\n1 2 3\n4 five 6\n7 8 9\n');
    const res = await server.app.inject('/api/export.zip?split=1');
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(files['training/velodyne/000001.bin']).toBeUndefined();
    expect(files['training/velodyne/000000.bin'].byteLength).toBe(30 * 16);
    const [skip] = manifestOf(files).skipped;
    expect(skip.frameId).toBe('000001');
    expect(skip.file).toBe('velodyne/000001.pcd');
    expect(skip.reason).toMatch(/000001\.pcd.*line 11/);
  });

  it('reads the points a nuScenes export writes on the pool too', async () => {
    const ran = vi.spyOn(CheckPool.prototype, 'runExportFile');
    server = await startTestServer({ fixture: { ids: ['000000'], points: 25 }, checks: { threads: 1 } });
    const res = await server.app.inject('/api/export.zip?format=nuscenes');
    expect(res.statusCode).toBe(200);
    expect(ran.mock.calls.map(([task]) => task.what)).toEqual(['cloud']);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const clouds = Object.keys(files).filter((f) => f.endsWith('.pcd.bin'));
    expect(clouds).toHaveLength(1);
    // nuScenes records: x y z intensity ring, float32.
    expect(files[clouds[0]].byteLength).toBe(25 * 20);
  });

  it('writes a JPEG camera image as image_2/ID.png converted by a pool thread', async () => {
    const ran = vi.spyOn(CheckPool.prototype, 'runExportFile');
    server = await startTestServer({ fixture: { ids: ['000000'], points: 20 }, checks: { threads: 1 } });
    fs.mkdirSync(path.join(server.dataDir, 'image_2'), { recursive: true });
    const rgba = new Uint8Array(16 * 8 * 4).fill(200);
    fs.writeFileSync(path.join(server.dataDir, 'image_2', '000000.jpg'), jpeg.encode({ width: 16, height: 8, data: rgba }, 90).data);
    // The dataset is listed again when it is asked for.
    expect((await server.app.inject('/api/dataset')).statusCode).toBe(200);
    const res = await server.app.inject('/api/export.zip?split=1');
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).filter((f) => f.startsWith('training/image_2/'))).toEqual(['training/image_2/000000.png']);
    // The PNG signature.
    expect(Array.from(files['training/image_2/000000.png'].slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(ran.mock.calls.map(([task]) => task.what)).toEqual(['prepare', 'png']);
  });
});
