import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_KITTI, makeTempDir, readTree } from '../server/fixtures/makeDataset.ts';
import { runCli as run } from './runCli.ts';

const root = makeTempDir();
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('cuboid export → cuboid import → cuboid export on the real KITTI samples', () => {
  it('gives byte-identical label files, equal to the shipped ones', async () => {
    const out1 = path.join(root, 'out1');
    const out2 = path.join(root, 'out2');
    fs.mkdirSync(path.join(root, 's1'), { recursive: true });
    const first = await run(['export', SHARED_KITTI, '--out', out1, '--state', path.join(root, 's1')]);
    // A fresh state (the shared samples are read-only): the export says its labels are the shipped ones.
    expect(first.code).toBe(0);
    expect(first.err).toMatch(
      /^cuboid export: warning {2}--state .*s1 holds no cuboid\.db and no label_2: the labels come from the dataset's own label_2[^\n]*\n$/,
    );
    expect(first.out).toMatch(/exported 3 frames/);

    // Import into copies of the same scans without their shipped labels, so the second export can
    // only come from what the import read (copies: a dataset's symlinks out of its folder are not followed).
    const bare = path.join(root, 'bare');
    for (const dir of ['velodyne', 'calib', 'image_2']) fs.cpSync(path.join(SHARED_KITTI, dir), path.join(bare, dir), { recursive: true });
    const imported = await run(['import', bare, '--labels', path.join(out1, 'training', 'label_2'), '--state', path.join(root, 's2')]);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(/imported 6 boxes into 3 frames/);

    const second = await run(['export', bare, '--out', out2, '--state', path.join(root, 's2')]);
    expect(second.code).toBe(0);

    const t1 = readTree(out1);
    const t2 = readTree(out2);
    expect([...t2.keys()].sort()).toEqual([...t1.keys()].sort());
    t1.delete('cuboid_export.json'); // names the dataset folder
    for (const [name, bytes] of t1) expect({ name, same: Buffer.compare(bytes, t2.get(name)!) === 0 }).toEqual({ name, same: true });
    for (const id of ['000000', '000001', '000002']) {
      expect(t2.get(`training/label_2/${id}.txt`)!.toString('utf8')).toBe(fs.readFileSync(path.join(SHARED_KITTI, 'label_2', `${id}.txt`), 'utf8'));
    }
  });
});

describe('cuboid export → cuboid import → cuboid export on the simulated 10-frame sequence', () => {
  it("gives byte-identical label files, the same lines as the dataset's own label_2", async () => {
    const samples = path.resolve('samples');
    const out1 = path.join(root, 'sim-out1');
    const out2 = path.join(root, 'sim-out2');
    fs.mkdirSync(path.join(root, 'sim-s1'), { recursive: true });
    const first = await run(['export', samples, '--out', out1, '--state', path.join(root, 'sim-s1')]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/exported 10 frames/);

    const bare = path.join(root, 'sim-bare');
    for (const dir of ['velodyne', 'calib', 'image_2']) fs.cpSync(path.join(samples, dir), path.join(bare, dir), { recursive: true });
    const imported = await run(['import', bare, '--labels', path.join(out1, 'training', 'label_2'), '--state', path.join(root, 'sim-s2')]);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/into 10 frames/);

    const second = await run(['export', bare, '--out', out2, '--state', path.join(root, 'sim-s2')]);
    expect(second.code).toBe(0);
    const t1 = readTree(out1);
    const t2 = readTree(out2);
    const labels = [...t1.keys()].filter((k) => k.startsWith('training/label_2/'));
    expect(labels.length).toBe(10);
    for (const name of labels) expect({ name, same: Buffer.compare(t1.get(name)!, t2.get(name)!) === 0 }).toEqual({ name, same: true });
    // The first export against the dataset's own label_2: the same lines (what KITTI's 2 decimals keep).
    for (const name of labels) {
      expect(t1.get(name)!.toString('utf8')).toBe(fs.readFileSync(path.join(samples, 'label_2', path.basename(name)), 'utf8'));
    }
  }, 60_000);
});
