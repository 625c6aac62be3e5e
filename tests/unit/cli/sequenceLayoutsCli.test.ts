/** `cuboid check` and `cuboid export` on KITTI tracking and nuScenes-style datasets (generated in temp dirs). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseKittiLabel } from '../../../src/domain/kitti/parseKittiLabel.ts';
import { makeTempDir } from '../server/fixtures/makeDataset.ts';
import { makeKittiTrackingDataset, makeNuscenesDataset } from '../server/fixtures/makeSequenceDatasets.ts';
import { runCli } from './runCli.ts';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});
const temp = (): string => {
  const r = makeTempDir('cuboid-seqcli-');
  roots.push(r);
  return r;
};

describe('cuboid check and export on sequence layouts', () => {
  it('checks a KITTI tracking dataset from its label_02 boxes', async () => {
    const data = makeKittiTrackingDataset(path.join(temp(), 'data'));
    const r = await runCli(['check', data, '--json', '--threads', '1']);
    const report = JSON.parse(r.out);
    expect(report.layout).toBe('kitti-tracking');
    expect(report.frames.map((f: { frameId: string }) => f.frameId)).toEqual(['0000_000000', '0000_000001', '0000_000002', '0001_000000', '0001_000001']);
    expect(report.frames.map((f: { labelSource: string; boxes: number }) => [f.labelSource, f.boxes])[0]).toEqual(['dataset', 2]);
  });

  it('reports a track gap where a tracked object has a box in the frames before and after but not in the frame', async () => {
    const data = makeKittiTrackingDataset(path.join(temp(), 'data'));
    // Sequence 0000's pedestrian (track 1) loses its box in frame 1.
    const file = path.join(data, 'label_02', '0000.txt');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith('1 1 Pedestrian'))
        .join('\n'),
    );
    const r = await runCli(['check', data, '--json', '--threads', '1']);
    const report = JSON.parse(r.out) as { frames: { frameId: string; results: { ruleId: string; message: string; severity: string }[] }[] };
    const gaps = report.frames.flatMap((f) => f.results.filter((x) => x.ruleId === 'trackGap').map((x) => [f.frameId, x.message]));
    expect(gaps).toHaveLength(1);
    expect(gaps[0][0]).toBe('0000_000001');
    expect(gaps[0][1]).toMatch(/^(Missed box\? )?Track 1 \(Pedestrian\) has a box in frames 0000_000000 and 0000_000002 but none here; /);
  });

  it('exports a nuScenes-style dataset as a KITTI tree with its boxes, read-only', async () => {
    const root = temp();
    const data = makeNuscenesDataset(path.join(root, 'data'));
    const before = fs.readdirSync(data).sort();
    const out = path.join(root, 'out');
    const r = await runCli(['export', data, '--out', out, '--json']);
    expect(r.code).toBe(0);
    const ids = fs.readdirSync(path.join(out, 'training', 'label_2')).sort();
    expect(ids).toHaveLength(5);
    const label = parseKittiLabel(fs.readFileSync(path.join(out, 'training', 'label_2', ids[0]), 'utf8'));
    // nuScenes categories become KITTI classes in a KITTI tree (README, the class table under formats).
    expect(label.map((o) => o.type)).toEqual(['Car']);
    // nuScenes .pcd.bin (x y z intensity ring) rewritten as KITTI x y z intensity.
    expect(fs.statSync(path.join(out, 'training', 'velodyne', ids[0].replace('.txt', '.bin'))).size).toBe(150 * 16);
    expect(fs.readdirSync(data).sort()).toEqual(before);
  });

  it('splits train and val by sequence, so no sequence has frames on both sides; --split-by frame splits frame by frame', async () => {
    const root = temp();
    const data = makeKittiTrackingDataset(path.join(root, 'data'));
    const read = (out: string, side: string): string[] =>
      fs
        .readFileSync(path.join(out, 'ImageSets', `${side}.txt`), 'utf8')
        .split('\n')
        .filter(Boolean);
    const r = await runCli(['export', data, '--out', path.join(root, 'out'), '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { splitBy: string; splitNote: string };
    expect(summary.splitBy).toBe('sequence');
    const train = read(path.join(root, 'out'), 'train');
    const val = read(path.join(root, 'out'), 'val');
    expect(train.length + val.length).toBe(5);
    const sequences = (ids: string[]): Set<string> => new Set(ids.map((id) => id.split('_')[0]));
    expect([...sequences(train)].filter((s) => sequences(val).has(s))).toEqual([]);
    expect(sequences(val).size).toBe(1);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'out', 'cuboid_export.json'), 'utf8')) as { options: { splitBy: string } };
    expect(manifest.options.splitBy).toBe('auto');
    const text = await runCli(['export', data, '--out', path.join(root, 'out2'), '--split-by', 'frame']);
    expect(text.out).toMatch(/split frame by frame, by a hash of the seed and the id: 80 % in train \(--split-by frame\)/);
  });
});
