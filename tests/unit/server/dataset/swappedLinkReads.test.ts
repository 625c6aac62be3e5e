import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

let server: TestServer | undefined;
let outside: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (outside !== undefined) fs.rmSync(outside, { recursive: true, force: true });
  outside = undefined;
});

/** Replaces a dataset file by a link to a secret outside the dataset (after the server scanned it). */
function swapForLink(s: TestServer, rel: string): void {
  outside ??= makeTempDir();
  const secret = path.join(outside, 'passwd');
  fs.writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
  const file = path.join(s.dataDir, rel);
  fs.rmSync(file);
  fs.symlinkSync(secret, file);
}

describe('a file swapped for a link while serving is refused by the checks and the export too', () => {
  it('the check summary and the submit gate answer 422 naming the file, and read nothing outside', async () => {
    server = await startTestServer({ checks: { threads: 1 } });
    swapForLink(server, 'velodyne/000001.bin');
    const checks = await server.app.inject('/api/frames/000001/checks');
    expect(checks.statusCode).toBe(422);
    expect(checks.body).toMatch(/velodyne\/000001\.bin: a symbolic link leading outside the dataset folder/);
    const submit = await server.app.inject({ method: 'POST', url: '/api/frames/000001/submit', payload: {} });
    expect(submit.statusCode).toBe(422);
    expect(submit.body).toMatch(/velodyne\/000001\.bin/);
    expect(submit.body).not.toContain('root:x');
  });

  it('the export leaves the frame out, says why, and copies nothing from outside', async () => {
    server = await startTestServer({ fixture: { images: ['000001'] } });
    swapForLink(server, 'image_2/000001.png');
    swapForLink(server, 'calib/000002.txt');
    swapForLink(server, 'velodyne/000000.bin');
    const res = await server.app.inject('/api/export.zip');
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    for (const [name, bytes] of Object.entries(files)) expect(Buffer.from(bytes).toString('latin1'), name).not.toContain('root:x');
    const manifest = Object.entries(files).find(([name]) => name.endsWith('cuboid_export.json'));
    expect(manifest).toBeDefined();
    const text = Buffer.from(manifest![1]).toString('utf8');
    expect(text).toMatch(/image_2\/000001\.png/);
    expect(text).toMatch(/calib\/000002\.txt/);
    expect(text).toMatch(/velodyne\/000000\.bin/);
    expect(text).toMatch(/symbolic link leading outside/);
    expect(Object.keys(files).some((n) => n.includes('image_2/000001') || n.includes('velodyne/000000'))).toBe(false);
  });

  it('the checks refuse a label_2 file swapped for a link', async () => {
    server = await startTestServer({ fixture: { labels: { '000002': 'Car 0 0 0 1 1 2 2 1.5 1.6 3.9 1 1.7 20 0\n' } }, checks: { threads: 1 } });
    swapForLink(server, 'label_2/000002.txt');
    const checks = await server.app.inject('/api/frames/000002/checks');
    expect(checks.statusCode).toBe(422);
    expect(checks.body).toMatch(/label_2\/000002\.txt: a symbolic link leading outside/);
    expect(checks.body).not.toContain('root:x');
  });
});
