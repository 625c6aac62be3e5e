/**
 * Independent frames (the KITTI object benchmark's) are not chained into one drive by the sequence
 * formats, and every format's manifest records the split it made.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_KITTI, makeTempDir } from '../server/fixtures/makeDataset.ts';
import { runCli } from './runCli.ts';

const root = makeTempDir('cuboid-export-seq-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const json = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('export of independent frames', () => {
  it('nuscenes: each frame is a scene of its own, not 0.2 s of one drive', async () => {
    const out = path.join(root, 'nu');
    const res = await runCli(['export', SHARED_KITTI, '--out', out, '--format', 'nuscenes', '--no-bin']);
    expect(res.code).toBe(0);
    // The first line gives the split's counts, as the kitti export's does.
    expect(res.out.split('\n')[0]).toMatch(/^exported 3 frames \(\d+ boxes, classes .*\) as nuscenes to .* \(train 2, val 1\)$/);
    const scenes = json(path.join(out, 'v1.0-cuboid', 'scene.json')) as { nbr_samples: number }[];
    expect(scenes.map((s) => s.nbr_samples)).toEqual([1, 1, 1]);
    const samples = json(path.join(out, 'v1.0-cuboid', 'sample.json')) as { prev: string; next: string }[];
    expect(samples.every((s) => s.prev === '' && s.next === '')).toBe(true);
  });

  it('kitti-tracking: each frame is a sequence of its own', async () => {
    const out = path.join(root, 'kt');
    expect((await runCli(['export', SHARED_KITTI, '--out', out, '--format', 'kitti-tracking'])).code).toBe(0);
    expect(fs.readdirSync(path.join(out, 'training', 'label_02')).sort()).toEqual(['0000.txt', '0001.txt', '0002.txt']);
  });

  it.each(['nuscenes', 'openlabel', 'kitti-tracking', 'openpcdet'])('%s: the manifest records the split made and its frames', async (format) => {
    const out = path.join(root, `m-${format}`);
    expect((await runCli(['export', SHARED_KITTI, '--out', out, '--format', format])).code).toBe(0);
    const m = json(path.join(out, 'cuboid_export.json'));
    expect(m.splitBy).toBe('frame');
    expect(m.splitNote).toMatch(/carry no sequence/);
    expect([...m.trainIds, ...m.valIds].sort()).toEqual(['000000', '000001', '000002']);
  });
});
