import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeKittiDataset, makeTempDir, readTree } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir();
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});
const data = makeKittiDataset(path.join(root, 'data'), { ids: ['a', 'b', 'c', 'd'], pcd: ['d'], calib: ['a', 'b', 'c'] });

/** Every path under `dir` with its size and mtime: what "nothing written" is checked against. */
function snapshot(dir: string): string[] {
  return [...readTree(dir).keys()].sort().map((k) => {
    const st = fs.statSync(path.join(dir, k));
    return `${k} ${st.size} ${st.mtimeMs}`;
  });
}

describe('cuboid export', () => {
  it('writes a training-ready tree (.pcd converted to .bin by default) and writes nothing into the dataset', async () => {
    const before = snapshot(data);
    const out = path.join(root, 'out');
    const res = await runCli(['export', data, '--out', out, '--split', '0.5', '--seed', 'x']);
    expect(res.code).toBe(0);
    // The one dataset warning, as serve prints it: the fixture's small .bin files fit several layouts.
    expect(res.err).toMatch(/^cuboid export: warning  the dataset's 3 \.bin files read as xyzi by detection [^\n]*\n$/);
    expect(res.out).toMatch(/exported 4 frames to .* \(train 2, val 2\)/);
    expect(res.out).toMatch(/1 frames have no calib/);
    expect(res.out).toMatch(/4 frames have no boxes/);
    expect(res.out).toMatch(/converted 1 \.pcd file to KITTI \.bin/);
    expect(fs.readdirSync(path.join(out, 'training', 'velodyne')).sort()).toEqual(['a.bin', 'b.bin', 'c.bin', 'd.bin']);
    expect(fs.statSync(path.join(out, 'training', 'velodyne', 'd.bin')).size).toBe(20 * 16);
    expect(fs.existsSync(path.join(data, '.cuboid'))).toBe(false);
    expect(snapshot(data)).toEqual(before);
    expect(fs.readdirSync(root).filter((n) => n.includes('cuboid-export'))).toEqual([]);
  });

  it('--status that leaves every frame out exits 1, saying the export holds no frame', async () => {
    const res = await runCli(['export', data, '--out', path.join(root, 'out-none-accepted'), '--status', 'accepted']);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/^exported 0 frames to .*, \d+ left out by --status\n/);
    expect(res.out).toMatch(/no frame has the status --status asks for \(\d+ left out\): the export holds no frame: exit 1/);
  });

  it('--state naming a missing folder is refused; an empty one is warned about: the labels come from the dataset, not from a state', async () => {
    const missing = await runCli(['export', data, '--out', path.join(root, 'out-state1'), '--state', path.join(root, 'no-such-state')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--state .*no-such-state does not exist: give the folder serve --state used \(it holds cuboid\.db\), or leave --state out/);
    expect(fs.existsSync(path.join(root, 'out-state1'))).toBe(false);
    const empty = path.join(root, 'empty-state');
    fs.mkdirSync(empty);
    const none = await runCli(['export', data, '--out', path.join(root, 'out-state2'), '--state', empty]);
    expect(none.code).toBe(0);
    expect(none.err).toMatch(/holds no cuboid\.db and no label_2: the labels come from the dataset's own label_2/);
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, 'x');
    const notDir = await runCli(['export', data, '--out', path.join(root, 'out-state3'), '--state', file]);
    expect(notDir.code).toBe(2);
    expect(notDir.err).toMatch(/--state .*a-file: not a folder/);
    // --out naming a file: a usage error, not a raw ENOTDIR from the final rename.
    const outFile = await runCli(['export', data, '--out', file]);
    expect(outFile.code).toBe(2);
    expect(outFile.err).toMatch(/--out .*a-file is a file, not a folder/);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('--no-bin copies .pcd files as they are', async () => {
    const out = path.join(root, 'keep-pcd');
    const res = await runCli(['export', data, '--out', out, '--no-bin']);
    expect(res.code).toBe(0);
    expect(fs.readdirSync(path.join(out, 'training', 'velodyne')).sort()).toEqual(['a.bin', 'b.bin', 'c.bin', 'd.pcd']);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'cuboid_export.json'), 'utf8')).options.bin).toBe(false);
  });

  it('warns when frame ids are not numbers (mmdet3d reads ImageSets ids as integers), and not when they are', async () => {
    const res = await runCli(['export', data, '--out', path.join(root, 'ids')]);
    expect(res.out).toMatch(/warning: 4 frame ids are not numbers \(a, b, c, d\): mmdet3d/);
    const numeric = makeKittiDataset(path.join(root, 'numeric'), { ids: ['000000', '000001'] });
    const ok = await runCli(['export', numeric, '--out', path.join(root, 'numeric-out')]);
    expect(ok.code).toBe(0);
    expect(ok.out).not.toMatch(/not numbers/);
  });

  it('skips a frame with a bad calib, naming the file and the reason, and still writes ImageSets and the manifest', async () => {
    const bad = makeKittiDataset(path.join(root, 'badcalib'), {
      ids: ['000000', '000001', '000002'],
      labels: { '000001': 'Car 0.00 0 -1.58 587.01 173.33 614.12 200.12 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59\n' },
    });
    fs.writeFileSync(path.join(bad, 'calib', '000001.txt'), 'P0: 1 2 3\n');
    const out = path.join(root, 'badcalib-out');
    const res = await runCli(['export', bad, '--out', out]);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/exported 2 frames/);
    // The file once: the parser's own "parseKittiCalib (000001.txt): " is not repeated after it.
    expect(res.out).toMatch(/skipped frame 000001: calib\/000001\.txt: line 1/);
    expect(res.out).toMatch(/1 frame skipped/);
    const ids = ['train.txt', 'val.txt'].flatMap((f) =>
      fs
        .readFileSync(path.join(out, 'ImageSets', f), 'utf8')
        .split('\n')
        .filter(Boolean),
    );
    expect(ids.sort()).toEqual(['000000', '000002']);
    expect(fs.readdirSync(path.join(out, 'training', 'calib')).sort()).toEqual(['000000.txt', '000002.txt']);
    expect(fs.readdirSync(path.join(out, 'training', 'velodyne')).sort()).toEqual(['000000.bin', '000002.bin']);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'cuboid_export.json'), 'utf8'));
    expect(manifest.skipped).toEqual([{ frameId: '000001', file: 'calib/000001.txt', reason: expect.stringContaining('parseKittiCalib') }]);
  });

  it('--strict stops at the bad frame (exit 2) and leaves no tree and no temporary folder', async () => {
    const bad = makeKittiDataset(path.join(root, 'strict'), { ids: ['000000', '000001'] });
    fs.writeFileSync(path.join(bad, 'velodyne', '000001.bin'), new Uint8Array(17));
    fs.rmSync(path.join(bad, 'velodyne', '000001.bin'));
    fs.writeFileSync(path.join(bad, 'velodyne', '000001.pcd'), 'VERSION 0.7\nFIELDS x y z\nPOINTS 5\nDATA ascii\n1 2 3\n');
    const parent = path.join(root, 'strict-parent');
    const out = path.join(parent, 'out');
    const res = await runCli(['export', bad, '--out', out, '--strict']);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/cuboid export: frame 000001: velodyne\/000001\.pcd: .*truncated/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('exports a read-only dataset (no write permission bits) without touching it', async () => {
    const ro = makeKittiDataset(path.join(root, 'ro'), { ids: ['000000'] });
    const dirs = [path.join(ro, 'velodyne'), path.join(ro, 'calib'), path.join(ro, 'image_2'), path.join(ro, 'label_2'), ro];
    for (const d of dirs) fs.chmodSync(d, 0o555);
    try {
      const res = await runCli(['export', ro, '--out', path.join(root, 'ro-out')]);
      expect(res.code).toBe(0);
      expect(res.err).toMatch(/^cuboid export: warning  the dataset's 1 \.bin file read as xyzi by detection [^\n]*\n$/);
      expect(fs.existsSync(path.join(ro, '.cuboid'))).toBe(false);
    } finally {
      for (const d of dirs.reverse()) fs.chmodSync(d, 0o755);
    }
  });

  it('refuses to overwrite an earlier export unless --force (exit 2), and --force replaces it', async () => {
    const out = path.join(root, 'again');
    expect((await runCli(['export', data, '--out', out])).code).toBe(0);
    fs.writeFileSync(path.join(out, 'training', 'label_2', 'stale.txt'), 'old');
    fs.writeFileSync(path.join(out, 'README.txt'), 'mine');
    const refused = await runCli(['export', data, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already holds an export .*--force/);
    expect((await runCli(['export', data, '--out', out, '--force'])).code).toBe(0);
    expect(fs.existsSync(path.join(out, 'training', 'label_2', 'stale.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'README.txt'), 'utf8')).toBe('mine');
    expect(fs.readdirSync(path.join(out, 'ImageSets')).sort()).toEqual(['test.txt', 'train.txt', 'val.txt']);
  });

  it.each([
    [['--split', '1.5'], /--split "1.5" must be a number from 0 to 1/],
    [['--split', 'abc'], /--split "abc"/],
    [['--status', 'finished'], /--status "finished" is not one of/],
    [['--split-by', 'scene'], /--split-by "scene" must be one of auto, sequence, time, frame/],
  ])('rejects %j with exit 2', async (args, message) => {
    const res = await runCli(['export', data, '--out', path.join(root, 'bad'), ...args]);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(message);
  });

  it('requires --out (exit 2), and under --json says so in JSON on stdout', async () => {
    const res = await runCli(['export', data]);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/--out/);
    const json = await runCli(['export', data, '--json']);
    expect(json.code).toBe(2);
    expect(json.err).toBe('');
    expect(JSON.parse(json.out)).toEqual({ error: { command: 'export', message: expect.stringMatching(/--out/), exitCode: 2 } });
  });

  it('--json prints the summary, and an error as JSON', async () => {
    const ok = await runCli(['export', data, '--out', path.join(root, 'json-out'), '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ frames: 4, skipped: [], nonNumericIds: ['a', 'b', 'c', 'd'] });
    const missing = await runCli(['export', path.join(root, 'missing'), '--out', path.join(root, 'x'), '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).error.message).toMatch(/is not a folder/);
  });
});
