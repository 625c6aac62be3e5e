import { execFileSync } from 'node:child_process';
import { startServer } from '../../../../src/cli/serveCommand.ts';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Dataset } from '../../../../src/server/dataset/Dataset.ts';
import { readFramePoints } from '../../../../src/server/dataset/readFramePoints.ts';
import { makeKittiDataset, makeTempDir, makeVelodyneBin } from '../fixtures/makeDataset.ts';
import { startAuthServer, type AuthTestServer } from '../fixtures/authServer.ts';
import { startTestServer, type TestServer } from '../fixtures/testServer.ts';

const dirs: string[] = [];
let server: TestServer | AuthTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = makeTempDir();
  dirs.push(d);
  return d;
}

/** A file outside the dataset standing in for /etc/passwd. */
function secretOutside(): string {
  const file = path.join(temp(), 'passwd');
  fs.writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\n');
  return file;
}

describe('symbolic links: reads stay inside the dataset folder unless --follow-symlinks', () => {
  it('image_2/X.png → a file outside is not served to anyone, and the scan says why', async () => {
    const secret = secretOutside();
    const dataDir = makeKittiDataset(temp());
    fs.symlinkSync(secret, path.join(dataDir, 'image_2', '000001.png'));
    const s = await startAuthServer({ ann: 'annotator', rev: 'reviewer', lea: 'lead' }, { dataDir });
    server = s;
    for (const user of ['ann', 'rev', 'lea']) {
      const image = await s.as(user, '/api/frames/000001/image');
      expect(image.statusCode).toBe(404);
      expect(image.body).not.toContain('root:x');
    }
    const info = (await s.as('lea', '/api/dataset')).json();
    expect(info.warnings.join('\n')).toMatch(/skipped image_2\/000001\.png: a symbolic link leading outside the dataset folder \(serve with --follow-symlinks/);
  });

  it('a file replaced by a link while serving is refused at read time (422 naming it), for the routes and for a reader holding the old entry', async () => {
    const secret = secretOutside();
    server = await startTestServer({ fixture: { labels: { '000002': 'Car 0 0 0 1 1 2 2 1.5 1.6 3.9 1 1.7 20 0\n' } } });
    const before = { f1: server.app.cuboid.dataset.get('000001')!, f2: server.app.cuboid.dataset.get('000002')! };
    const swap = (rel: string) => {
      const file = path.join(server!.dataDir, rel);
      fs.rmSync(file);
      fs.symlinkSync(secret, file);
    };
    swap('velodyne/000001.bin');
    swap('calib/000002.txt');
    const points = await server.app.inject('/api/frames/000001/points');
    expect(points.statusCode).toBe(422);
    expect(points.json()).toMatchObject({ error: 'file_outside_dataset', file: 'velodyne/000001.bin' });
    expect(points.body).not.toContain('root:x');
    const info = (await server.app.inject('/api/dataset')).json();
    expect(info.warnings.join('\n')).toMatch(/skipped velodyne\/000001\.bin: a symbolic link leading outside/);
    expect(info.warnings.join('\n')).toMatch(/skipped calib\/000002\.txt: a symbolic link leading outside/);
    const calib = await server.app.inject('/api/frames/000002/calib');
    expect(calib.json()).toMatchObject({ error: 'file_outside_dataset', file: 'calib/000002.txt' });
    expect((await server.app.inject('/api/frames/000002/annotation')).statusCode).toBe(422);
    // A reader that picked up the frame before the swap (a check in flight) is refused at read time.
    await expect(readFramePoints(before.f1)).rejects.toThrow(/velodyne\/000001\.bin: a symbolic link leading outside/);
    await expect(server.app.cuboid.service.calib(before.f2)).rejects.toMatchObject({ code: 'file_outside_dataset', file: 'calib/000002.txt' });
  });

  it('links inside the dataset are fine; --follow-symlinks follows links out (a velodyne/ folder on another disk)', async () => {
    const root = makeKittiDataset(temp(), { ids: ['a', 'b'] });
    fs.renameSync(path.join(root, 'velodyne', 'b.bin'), path.join(root, 'b-points.bin'));
    fs.symlinkSync(path.join(root, 'b-points.bin'), path.join(root, 'velodyne', 'b.bin'));
    expect((await Dataset.scan(root)).ids()).toEqual(['a', 'b']);

    const elsewhere = temp();
    const split = makeKittiDataset(temp(), { ids: ['c'] });
    fs.renameSync(path.join(split, 'velodyne'), path.join(elsewhere, 'velodyne'));
    fs.symlinkSync(path.join(elsewhere, 'velodyne'), path.join(split, 'velodyne'));
    await expect(Dataset.scan(split)).rejects.toThrow(/holds no \.bin or \.pcd files/);
    const followed = await Dataset.scan(split, { followSymlinks: true });
    expect(followed.ids()).toEqual(['c']);
    expect((await readFramePoints(followed.get('c')!)).positions.length).toBe(20 * 3);
  });

  it('`cuboid serve --follow-symlinks` starts a server that follows links out', async () => {
    const dataDir = makeKittiDataset(temp(), { ids: ['a'] });
    fs.symlinkSync(secretOutside(), path.join(dataDir, 'calib', 'b.txt'));
    fs.writeFileSync(path.join(dataDir, 'velodyne', 'b.bin'), makeVelodyneBin(4));
    const { app } = await startServer({ dataDir, stateDir: path.join(temp(), 'state'), port: 0, distDir: null, followSymlinks: true });
    try {
      expect(app.cuboid.dataset.confinedTo).toBeNull();
      expect(app.cuboid.dataset.get('b')?.calibPath).toBe(path.join(dataDir, 'calib', 'b.txt'));
    } finally {
      await app.close();
    }
  });
});

describe('the scan names what it skips', () => {
  it('warns about a FIFO or a folder named *.bin, relative to the dataset', async () => {
    const root = makeKittiDataset(temp(), { ids: ['a'] });
    fs.mkdirSync(path.join(root, 'velodyne', 'dir.bin'));
    execFileSync('mkfifo', [path.join(root, 'velodyne', 'pipe.bin')]);
    fs.writeFileSync(path.join(root, 'velodyne', 'b.bin'), makeVelodyneBin(4));
    const ds = await Dataset.scan(root);
    expect(ds.ids()).toEqual(['a', 'b']);
    expect(ds.warnings).toContain('skipped velodyne/dir.bin: a folder, not a regular file');
    expect(ds.warnings).toContain('skipped velodyne/pipe.bin: a FIFO (named pipe), not a regular file');
    expect(ds.warnings.join('\n')).not.toContain(root);
  });
});
