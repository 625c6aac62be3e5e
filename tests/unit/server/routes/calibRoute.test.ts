import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARED_KITTI } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /api/frames/:id/calib', () => {
  it('returns the parsed calib and the image size from the PNG', async () => {
    server = await startTestServer({ dataDir: SHARED_KITTI });
    const res = await server.app.inject('/api/frames/000000/calib');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.frameId).toBe('000000');
    expect(body.calib.P2[0]).toBe(707.0493);
    expect(body.calib.velo2rect).toHaveLength(16);
    expect(body.imageSize).toEqual([1224, 370]);
  });

  it('returns null for a frame without calib', async () => {
    server = await startTestServer({ fixture: { calib: [] } });
    const body = (await server.app.inject('/api/frames/000001/calib')).json();
    expect(body).toEqual({ frameId: '000001', calib: null, imageSize: [1242, 375] });
  });

  it('answers 422 naming the key for a malformed calib', async () => {
    server = await startTestServer();
    fs.writeFileSync(path.join(server.dataDir, 'calib', '000001.txt'), 'P2: 1 2 3\n');
    const res = await server.app.inject('/api/frames/000001/calib');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toBe('calib_invalid');
    expect(res.json().detail).toMatch(/P2/);
  });
});
