import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARED_KITTI } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /api/export.zip?format=F', () => {
  it('streams the OpenLABEL export, named after the format, with its manifest', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const res = await server.app.inject('/api/export.zip?format=openlabel');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="kitti-openlabel.zip"');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual(['cuboid_export.json', 'openlabel.json']);
    const manifest = JSON.parse(new TextDecoder().decode(files['cuboid_export.json'])) as { format: string; frames: number; classes: string[] };
    expect(manifest).toMatchObject({ format: 'openlabel', frames: 3, classes: ['Car', 'Cyclist', 'Misc', 'Pedestrian', 'Truck'] });
  });

  it('leaves the points out of an OpenPCDet archive with points=0', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const res = await server.app.inject('/api/export.zip?format=openpcdet&points=0');
    const files = Object.keys(unzipSync(new Uint8Array(res.rawPayload))).sort();
    expect(files).toEqual(['ImageSets/train.txt', 'ImageSets/val.txt', 'cuboid_export.json', 'labels/000000.txt', 'labels/000001.txt', 'labels/000002.txt']);
  });

  it('refuses an unknown format naming the field', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const res = await server.app.inject('/api/export.zip?format=waymo');
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/format/);
  });
});
