import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InspectReport } from '../../../src/cli/inspectFile.ts';
import type { DatasetCheckReport } from '../../../src/cli/checkDataset.ts';
import type { DatasetInfo } from '../../../src/domain/api/wireTypes.ts';
import { readVelodyneBin } from '../../../src/domain/kitti/readVelodyneBin.ts';
import { SHARED_KITTI, SHARED_SAMPLES, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const AV2 = path.join(SHARED_SAMPLES, 'multisensor/av2_adcf7d18_315973157959879000/315973157959879000_xyz_intensity_laser.f32.bin');
const SUSTECH = path.join(SHARED_SAMPLES, 'multisensor/sustechpoints_example_000975/000975_xyz_intensity_ring.f32.bin');

const root = makeTempDir('cuboid-binlayout-cli-');
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** A KITTI-layout dataset whose velodyne/ holds copies of `files` (name → source). */
function kittiDataset(name: string, files: Record<string, string>, datasetFile?: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'velodyne'), { recursive: true });
  for (const [file, from] of Object.entries(files)) fs.copyFileSync(from, path.join(dir, 'velodyne', file));
  if (datasetFile !== undefined) fs.writeFileSync(path.join(dir, 'cuboid.json'), datasetFile);
  return dir;
}

describe('cuboid inspect on raw .bin files', () => {
  it('says which layouts the AV2 sweep fits, that xyzir was picked and why (text)', async () => {
    const { code, out } = await runCli(['inspect', AV2]);
    expect(code).toBe(0);
    expect(out).toContain('100,660');
    expect(out).toMatch(/fields\s+x:F4 y:F4 z:F4 intensity:F4 ring:F4/);
    expect(out).toMatch(/layout\s+xyzir \(x y z intensity ring, 20 B per point\): detected, size 2013200 B fits xyzi \(16 B\), xyzir \(20 B\)/);
    expect(out).toMatch(/fits\s+xyzi, xyzir, xyzit/);
    expect(out).toMatch(/warning\s+xyzi, xyzir, xyzit fit the size; xyzir picked by detection/);
  });

  it('carries the choice in --json', async () => {
    const { code, out } = await runCli(['inspect', SUSTECH, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as InspectReport;
    expect(r).toMatchObject({ format: 'bin', points: 67_153 });
    expect(r.binLayout).toMatchObject({ name: 'xyzir', source: 'detected', fits: ['xyzir', 'xyzit'] });
    expect(r.binLayout?.scores[0]).toMatchObject({ name: 'xyzir' });
  });

  it("reads a .pcd.bin by name, a declared layout by --bin-layout, and the folder's cuboid.json", async () => {
    const dir = kittiDataset('inspect', { 'sweep.pcd.bin': AV2, 'plain.bin': AV2 }, '{ "binLayout": "xyzit" }');
    const named = JSON.parse((await runCli(['inspect', path.join(dir, 'velodyne', 'sweep.pcd.bin'), '--json'])).out) as InspectReport;
    // The dataset file (one folder up from velodyne/) wins over the name.
    expect(named.binLayout).toMatchObject({ name: 'xyzit', source: 'dataset-file' });
    const flagged = JSON.parse((await runCli(['inspect', path.join(dir, 'velodyne', 'plain.bin'), '--bin-layout', 'xyzi', '--json'])).out) as InspectReport;
    expect(flagged).toMatchObject({ format: 'kitti-bin', points: 125_825, binLayout: { name: 'xyzi', source: 'flag' } });
    const loose = path.join(root, 'loose.pcd.bin');
    fs.copyFileSync(SUSTECH, loose);
    const byName = JSON.parse((await runCli(['inspect', loose, '--json'])).out) as InspectReport;
    expect(byName.binLayout).toMatchObject({ name: 'xyzir', source: 'file-name', warning: null });
  });

  it('keeps KITTI xyzi, and exits 1 naming the trailing bytes of a size no layout fits', async () => {
    const kitti = JSON.parse((await runCli(['inspect', path.join(SHARED_KITTI, 'velodyne', '000000.bin'), '--json'])).out) as InspectReport;
    expect(kitti).toMatchObject({ format: 'kitti-bin', points: 115_384, binLayout: { name: 'xyzi', fits: ['xyzi'], warning: null } });
    const odd = path.join(root, 'odd.bin');
    fs.writeFileSync(odd, fs.readFileSync(AV2).subarray(0, 16 * 30 + 5));
    const res = await runCli(['inspect', odd]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/odd\.bin: size 485 bytes fits no point layout .*5 trailing bytes at byte offset 480 as 16-byte records/);
  });

  it('refuses an unknown --bin-layout', async () => {
    const res = await runCli(['inspect', AV2, '--bin-layout', 'xyzrgb']);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/--bin-layout: "xyzrgb" is not a point layout; expected one of xyz/);
  });
});

describe('cuboid check and export with a layout', () => {
  it('check reads the points with --bin-layout, the dataset file, or detection', async () => {
    const dir = kittiDataset('check', { 'a.bin': AV2 });
    const detected = JSON.parse((await runCli(['check', dir, '--json'])).out) as DatasetCheckReport;
    expect(detected.frames[0]).toMatchObject({ frameId: 'a', points: 100_660 });
    const forced = JSON.parse((await runCli(['check', dir, '--json', '--bin-layout', 'xyzi'])).out) as DatasetCheckReport;
    expect(forced.frames[0].points).toBe(125_825);
    fs.writeFileSync(path.join(dir, 'cuboid.json'), '{ "binLayout": "xyzir" }');
    const declared = JSON.parse((await runCli(['check', dir, '--json'])).out) as DatasetCheckReport;
    expect(declared.frames[0].points).toBe(100_660);
    // A declared layout that reads the points as garbage is obeyed, with a warning naming what reads them.
    expect(forced.frames[0].points).toBe(125_825);
    const forcedText = await runCli(['check', dir, '--bin-layout', 'xyzi']);
    expect(forcedText.err).toMatch(
      /--bin-layout declares xyzi for the \.bin files, but they read as xyzir \(100% plausible\) and as xyzi they are \d+% plausible/,
    );
    expect((await runCli(['check', dir])).err).not.toMatch(/declares/);
    const bad = await runCli(['check', dir, '--bin-layout', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--bin-layout: "nope" is not a point layout/);
  });

  it('export rewrites a nuScenes-layout .bin as KITTI xyzi, every point kept', async () => {
    const dir = kittiDataset('export', { 'n1.pcd.bin': SUSTECH });
    const out = path.join(root, 'export-out');
    const res = await runCli(['export', dir, '--out', out]);
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(res.out).toMatch(/rewrote 1 \.bin file \(xyzir\) as KITTI xyzi/);
    const bin = fs.readFileSync(path.join(out, 'training', 'velodyne', 'n1.bin'));
    expect(bin.length).toBe(67_153 * 16);
    const kitti = readVelodyneBin(new Uint8Array(bin));
    const source = readVelodyneBin(new Uint8Array(fs.readFileSync(SUSTECH)), { layout: 'xyzir' });
    expect(kitti.positions.subarray(0, 30)).toEqual(source.positions.subarray(0, 30));
    // nuScenes-style 0..255 intensities become KITTI's 0..1 reflectance.
    expect(kitti.attributes.intensity[67_152]).toBe(Math.fround((source.attributes.intensity?.[67_152] ?? NaN) / 255));
    expect(res.out).toMatch(/intensity rescaled to 0–1 \(KITTI's reflectance, as KITTI-trained models expect\) from 0–255 in 1 frame/);
  });
});

describe('a cuboid.json that cannot be used', () => {
  it('stops check, export and serve alike with exit 2 (nothing ran), naming the file and field', async () => {
    const bad = kittiDataset('bad-json', { 'a.bin': AV2 }, '{ "binLayout": "xyzq" }');
    for (const args of [
      ['check', bad],
      ['export', bad, '--out', path.join(root, 'bad-json-out')],
      ['serve', bad, '--port', '0', '--state', path.join(root, 'bad-json-state')],
    ]) {
      const res = await runCli(args);
      expect(res.code, args[0]).toBe(2);
      expect(res.err).toMatch(/cuboid\.json, field "binLayout": "xyzq" is not a point layout/);
    }
    const folder = kittiDataset('json-folder', { 'a.bin': AV2 });
    fs.mkdirSync(path.join(folder, 'cuboid.json'));
    const res = await runCli(['check', folder]);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/cuboid\.json: a folder, not a file/);
  });

  it('inspect on a folder says it reads one point file (exit 2)', async () => {
    const res = await runCli(['inspect', root]);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/is a folder: inspect reads one point file/);
  });
});

describe('cuboid serve --bin-layout', () => {
  it('refuses an unknown layout before opening anything', async () => {
    const dir = kittiDataset('serve-bad', { 'a.bin': AV2 });
    const res = await runCli(['serve', dir, '--port', '0', '--bin-layout', 'xyzq']);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/cuboid serve: --bin-layout: "xyzq" is not a point layout/);
    expect(fs.existsSync(path.join(dir, '.cuboid'))).toBe(false);
  });

  it('the real binary serves with the flag over cuboid.json and says so', async () => {
    const dir = kittiDataset('serve', { 'a.bin': AV2 }, '{ "binLayout": "xyzir" }');
    const child = spawn(process.execPath, ['src/cli/cuboid.js', 'serve', dir, '--port', '0', '--bin-layout', 'xyzi'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Open (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m !== null) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`serve exited early: ${out}`)));
    });
    try {
      expect(out).toMatch(/points\s+1 \.bin frame read as xyzi \(--bin-layout\)/);
      const info = (await (await fetch(`${url}/api/dataset`)).json()) as DatasetInfo;
      expect(info.binLayouts).toEqual([expect.objectContaining({ name: 'xyzi', source: 'flag', frames: 1 })]);
      const points = await fetch(`${url}/api/frames/a/points`, { headers: { range: 'bytes=0-19' } });
      expect(points.headers.get('x-cuboid-bin-layout')).toBe('xyzi');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))).toBe(0);
  });
});
