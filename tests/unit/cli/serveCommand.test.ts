import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { homeStateDir } from '../../../src/cli/homeState.ts';
import { parsePort, startServer } from '../../../src/cli/serveCommand.ts';
import { SHARED_PCD, makeKittiDataset, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir();
afterAll(() => {
  fs.chmodSync(root, 0o755);
  fs.rmSync(root, { recursive: true, force: true });
});

function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      out.push(path.join(d, e.name));
      if (e.isDirectory()) walk(path.join(d, e.name));
    }
  };
  walk(dir);
  return out.sort();
}

describe('cuboid serve', () => {
  it('refuses a non-loopback host while there are no users', async () => {
    const res = await runCli(['serve', SHARED_PCD, '--host', '0.0.0.0', '--state', path.join(root, 'never')]);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/refusing to listen on 0\.0\.0\.0 without users: .*cuboid user add/);
    expect(fs.existsSync(path.join(root, 'never'))).toBe(false);
  });

  it('refuses a read-only dataset without --state (exit 2), suggesting it, and writes nothing there, even as root', async () => {
    // Built here and made read-only by its permission bits: a test never relies on ../shared being read-only.
    const data = makeKittiDataset(path.join(root, 'ro'), { ids: ['a'] });
    const dirs = [path.join(data, 'velodyne'), path.join(data, 'calib'), path.join(data, 'image_2'), path.join(data, 'label_2'), data];
    const before = listing(data);
    for (const d of dirs) fs.chmodSync(d, 0o555);
    let res: Awaited<ReturnType<typeof runCli>>;
    try {
      res = await runCli(['serve', data, '--port', '0']);
    } finally {
      for (const d of dirs.reverse()) fs.chmodSync(d, 0o755);
    }
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/looks read-only; pass --state DIR/);
    expect(listing(data)).toEqual(before);
    expect(fs.existsSync(path.join(data, '.cuboid'))).toBe(false);
  });

  it('rejects a bad port and a missing dataset with a message', async () => {
    expect(() => parsePort('80a')).toThrow(/not a port number/);
    expect(() => parsePort('70000')).toThrow(/not a port number/);
    const res = await runCli(['serve', path.join(root, 'missing'), '--state', path.join(root, 's')]);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/is not a folder/);
  });

  it('startServer listens on loopback and reports its URL', async () => {
    const { app, url } = await startServer({ dataDir: SHARED_PCD, stateDir: path.join(root, 'state-start'), port: 0, distDir: null });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${url}/api/frames`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as unknown[]).length).toBe(7);
    } finally {
      await app.close();
    }
  });

  it('the real binary serves the flat PCD folder with --state on a real port and stops on SIGTERM', async () => {
    const stateDir = path.join(root, 'state-bin');
    const child = spawn(process.execPath, ['src/cli/cuboid.js', 'serve', SHARED_PCD, '--state', stateDir, '--port', '0'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Open (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m !== null) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`serve exited early: ${out}${err}`)));
    });
    try {
      expect(out).toMatch(/serving 7 frames from .*pcd \(flat layout\)/);
      const frames = (await (await fetch(`${url}/api/frames`)).json()) as { id: string; pointCount: number }[];
      expect(frames.find((f) => f.id === 'velodyne_hdl32_outdoor_xyzi_binary')?.pointCount).toBe(69_088);
      const points = await fetch(`${url}/api/frames/pcl_bunny_normals_ascii/points`, { headers: { range: 'bytes=0-5' } });
      expect(points.status).toBe(206);
      expect(await points.text()).toBe('# .PCD');
      const save = await fetch(`${url}/api/frames/pcl_bunny_normals_ascii/annotation`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-match': '"0"' },
        body: JSON.stringify({ schemaVersion: 1, frameId: 'pcl_bunny_normals_ascii', cuboids: [], dontCare: [], flags: [], status: 'in_progress' }),
      });
      expect(save.status).toBe(200);
      expect(fs.readFileSync(path.join(stateDir, 'label_2', 'pcl_bunny_normals_ascii.txt'), 'utf8')).toBe('');
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(err).toBe('');
  });

  it('--home-state keeps the database and labels under ~/.cuboid/state, so serving samples/ (npm start) changes nothing in the dataset', async () => {
    const data = makeKittiDataset(path.join(root, 'home-data'), { ids: ['000000'], labels: { '000000': '' } });
    const home = path.join(root, 'home');
    fs.mkdirSync(home);
    const before = listing(data);
    const child = spawn(process.execPath, ['src/cli/cuboid.js', 'serve', data, '--home-state', '--port', '0'], {
      cwd: process.cwd(),
      env: { ...process.env, HOME: home, USERPROFILE: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Open (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m !== null) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`serve exited early: ${out}${err}`)));
    });
    const state = homeStateDir(data, home);
    try {
      expect(out).toContain(`labels   ${path.join(state, 'label_2')}`);
      const box = {
        id: 'b1',
        trackId: null,
        label: 'Car',
        center: [10, 1, -0.8],
        size: [4, 1.8, 1.5],
        yaw: 0,
        attributes: { truncated: 0, occluded: 0 },
        source: 'manual',
      };
      const save = await fetch(`${url}/api/frames/000000/annotation`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-match': '"1"', origin: url },
        body: JSON.stringify({ schemaVersion: 2, frameId: '000000', cuboids: [box], dontCare: [], flags: [], dismissals: [], status: 'in_progress' }),
      });
      expect(save.status).toBe(200);
      expect(fs.readFileSync(path.join(state, 'label_2', '000000.txt'), 'utf8')).toMatch(/^Car /);
      expect(fs.existsSync(path.join(state, 'cuboid.db'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    await new Promise((resolve) => child.on('exit', resolve));
    expect(listing(data)).toEqual(before);
    expect(fs.readFileSync(path.join(data, 'label_2', '000000.txt'), 'utf8')).toBe('');
  });

  it('names the home state folder after the dataset and a hash of its path', () => {
    expect(homeStateDir('/data/samples', '/home/u')).toMatch(/^\/home\/u\/\.cuboid\/state\/samples-[0-9a-f]{8}$/);
    expect(homeStateDir('/other/samples', '/home/u')).not.toBe(homeStateDir('/data/samples', '/home/u'));
  });
});
