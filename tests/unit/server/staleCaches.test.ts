import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameListItem } from '../../../src/domain/document/FrameListItem.ts';
import { startAuthServer, type AuthTestServer } from './fixtures/authServer.ts';
import { makePngHeader, makeVelodyneBin, sampleCuboid, sampleDoc } from './fixtures/makeDataset.ts';
import { startTestServer, type TestServer } from './fixtures/testServer.ts';

let server: TestServer | AuthTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Rewrites a file and moves its mtime on, as an editor saving a correction would. */
function rewrite(file: string, content: string | Uint8Array): void {
  const before = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
  fs.writeFileSync(file, content);
  const t = new Date(Math.max(Date.now(), before + 2000));
  fs.utimesSync(file, t, t);
}

describe('caches follow the files: no restart needed', () => {
  it('a corrected calib is used at once, by the calib route and by the label it writes', async () => {
    server = await startTestServer({ fixture: { images: ['000001'] } });
    const calibFile = path.join(server.dataDir, 'calib', '000001.txt');
    const first = (await server.app.inject('/api/frames/000001/calib')).json();
    const save = await server.app.inject({
      method: 'PUT',
      url: '/api/frames/000001/annotation',
      payload: sampleDoc('000001', [sampleCuboid('a')]),
      headers: { 'if-match': '"0"' },
    });
    expect(save.statusCode).toBe(200);
    const labelBefore = (await server.app.inject('/api/frames/000001/label')).body;
    const text = fs.readFileSync(calibFile, 'utf8');
    // A camera 1 m further up: the same box lands elsewhere in camera coordinates.
    const shifted = text.replace(/^(Tr_velo_to_cam:(?:\s+\S+){7}\s+)(\S+)/m, (_m, head: string, ty: string) => `${head}${Number(ty) + 1}`);
    expect(shifted).not.toBe(text);
    rewrite(calibFile, shifted);
    const second = (await server.app.inject('/api/frames/000001/calib')).json();
    expect(second.calib.velo2rect).not.toEqual(first.calib.velo2rect);
    const labelAfter = (await server.app.inject('/api/frames/000001/label')).body;
    expect(labelAfter).not.toBe(labelBefore);

    rewrite(path.join(server.dataDir, 'image_2', '000001.png'), makePngHeader(800, 600));
    expect((await server.app.inject('/api/frames/000001/calib')).json().imageSize).toEqual([800, 600]);
  });

  it('point counts follow the file; frames added while serving appear at once, a removed file is reported missing', async () => {
    server = await startTestServer({ fixture: { points: 20 } });
    const list = async () => (await server!.app.inject('/api/frames')).json() as FrameListItem[];
    expect((await list()).find((f) => f.id === '000001')?.pointCount).toBe(20);
    rewrite(path.join(server.dataDir, 'velodyne', '000001.bin'), makeVelodyneBin(30));
    expect((await list()).find((f) => f.id === '000001')?.pointCount).toBe(30);

    fs.writeFileSync(path.join(server.dataDir, 'velodyne', '000009.bin'), makeVelodyneBin(7));
    // Any request sees it at once (the folders' mtimes are checked per request).
    expect((await server.app.inject('/api/frames/000009/points')).statusCode).toBe(200);
    const added = await list();
    expect(added.map((f) => f.id)).toEqual(['000000', '000001', '000002', '000009']);
    expect(added[3]).toMatchObject({ pointCount: 7, hasCalib: false });
    expect((await server.app.inject('/api/frames/000009/points')).statusCode).toBe(200);
    expect((await server.app.inject('/api/dataset')).json().frameCount).toBe(4);

    // A file that goes away is not silently dropped: its frame stays, and reading it says it is missing.
    fs.rmSync(path.join(server.dataDir, 'velodyne', '000000.bin'));
    expect((await list()).find((f) => f.id === '000000')?.pointCount).toBeNull();
    const gone = await server.app.inject('/api/frames/000000/points');
    expect([gone.statusCode, gone.json().error, gone.json().file]).toEqual([422, 'file_missing', 'velodyne/000000.bin']);
  });
});

describe('GET /api/dataset shows server paths to a lead only', () => {
  it('an annotator or reviewer sees the name, an id and paths relative to the dataset', async () => {
    const s = await startAuthServer({ ann: 'annotator', rev: 'reviewer', lea: 'lead' }, { stateInData: true });
    server = s;
    for (const user of ['ann', 'rev']) {
      const res = await s.as(user, '/api/dataset');
      const info = res.json();
      expect(res.body).not.toContain(s.dataDir);
      expect(res.body).not.toContain(s.root);
      expect(info.root).toBeUndefined();
      expect(info).toMatchObject({ name: 'data', labelsDir: 'label_2', stateDir: '.cuboid' });
      expect(info.id).toMatch(/^[0-9a-f]{16}$/);
    }
    const lead = (await s.as('lea', '/api/dataset')).json();
    expect(lead).toMatchObject({ root: s.dataDir, stateDir: path.join(s.dataDir, '.cuboid') });
    expect(lead.id).toBe((await s.as('ann', '/api/dataset')).json().id);
  });
});
