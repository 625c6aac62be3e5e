import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatKittiCalib } from '../../../../src/domain/kitti/formatKittiCalib.ts';
import { parseKittiCalib } from '../../../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../../../../src/domain/kitti/parseKittiLabel.ts';
import { kittiToCuboid } from '../../../../src/domain/kitti/kittiToCuboid.ts';
import { syntheticCalib } from '../../../../src/domain/kitti/syntheticCalib.ts';
import { DirectorySink } from '../../../../src/server/export/ExportSink.ts';
import { exportDataset } from '../../../../src/server/export/exportDataset.ts';
import { SHARED_KITTI, makeKittiDataset, readTree, sampleCuboid, sampleDoc } from '../fixtures/makeDataset.ts';
import { tempWorkspaces } from '../fixtures/tempWorkspaces.ts';

const { temp, workspace } = tempWorkspaces();

describe('exportDataset', () => {
  it('writes the KITTI tree of the real samples; labels, calib, points and images byte-identical', async () => {
    const ws = await workspace(SHARED_KITTI);
    const out = temp();
    const summary = await exportDataset(ws.service, new DirectorySink(out), { split: 0.67, seed: 'x' });
    expect(summary).toMatchObject({ frames: 3, train: 2, val: 1, filteredOut: 0, syntheticCalib: [], emptyLabels: [] });
    for (const [dir, ext] of [
      ['label_2', 'txt'],
      ['calib', 'txt'],
      ['velodyne', 'bin'],
      ['image_2', 'png'],
    ]) {
      for (const id of ['000000', '000001', '000002']) {
        const a = fs.readFileSync(path.join(out, 'training', dir, `${id}.${ext}`));
        const b = fs.readFileSync(path.join(SHARED_KITTI, dir, `${id}.${ext}`));
        expect(Buffer.compare(a, b)).toBe(0);
      }
    }
    const train = fs.readFileSync(path.join(out, 'ImageSets', 'train.txt'), 'utf8');
    const val = fs.readFileSync(path.join(out, 'ImageSets', 'val.txt'), 'utf8');
    expect((train + val).split('\n').filter(Boolean).sort()).toEqual(['000000', '000001', '000002']);
    expect(train.endsWith('\n')).toBe(true);
  });

  it('is deterministic: two exports are byte-identical', async () => {
    const ws = await workspace(SHARED_KITTI);
    const a = temp();
    const b = temp();
    await exportDataset(ws.service, new DirectorySink(a), { seed: 'k' });
    await exportDataset(ws.service, new DirectorySink(b), { seed: 'k' });
    const ta = readTree(a);
    const tb = readTree(b);
    expect([...ta.keys()].sort()).toEqual([...tb.keys()].sort());
    for (const [k, v] of ta) expect(Buffer.compare(v, tb.get(k)!)).toBe(0);
  });

  it('gives frames without calib the synthetic calib, so readers recover the LiDAR box', async () => {
    const data = makeKittiDataset(path.join(temp(), 'data'), { ids: ['a', 'b'], calib: ['b'] });
    const ws = await workspace(data);
    const box = sampleCuboid('x');
    await ws.service.saveAnnotation(ws.dataset.get('a')!, sampleDoc('a', [box]), 0, 'test');
    const out = temp();
    const summary = await exportDataset(ws.service, new DirectorySink(out));
    expect(summary.syntheticCalib).toEqual(['a']);
    expect(summary.emptyLabels).toEqual(['b']);
    const calibText = fs.readFileSync(path.join(out, 'training', 'calib', 'a.txt'), 'utf8');
    expect(calibText).toBe(formatKittiCalib(syntheticCalib()));
    const [obj] = parseKittiLabel(fs.readFileSync(path.join(out, 'training', 'label_2', 'a.txt'), 'utf8'));
    expect(obj.bbox).toEqual([0, 0, 0, 0]);
    const back = kittiToCuboid(obj, parseKittiCalib(calibText));
    for (let k = 0; k < 3; k++) expect(Math.abs(back.center[k] - box.center[k])).toBeLessThan(0.01);
    expect(Math.abs(back.yaw - box.yaw)).toBeLessThan(0.01);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'cuboid_export.json'), 'utf8'));
    expect(manifest.noCamera).toEqual(['a']);
  });

  it('skips a .bin whose size is not whole 16-byte records, naming the file, size and offset, instead of copying it', async () => {
    const data = makeKittiDataset(path.join(temp(), 'data'), { ids: ['a', 'b'] });
    fs.appendFileSync(path.join(data, 'velodyne', 'b.bin'), Buffer.from([1, 2, 3]));
    const ws = await workspace(data);
    const out = temp();
    const summary = await exportDataset(ws.service, new DirectorySink(out));
    expect(summary.skipped).toEqual([
      {
        frameId: 'b',
        file: path.join('velodyne', 'b.bin'),
        reason: 'b.bin: size 323 bytes is not a multiple of 16 (x y z reflectance as float32); 3 trailing bytes at byte offset 320',
      },
    ]);
    expect(fs.readdirSync(path.join(out, 'training', 'velodyne'))).toEqual(['a.bin']);
  });

  it('filters by status and converts PCD to .bin on request', async () => {
    const data = makeKittiDataset(path.join(temp(), 'data'), { ids: ['a', 'b', 'c'], pcd: ['a', 'b'] });
    const ws = await workspace(data);
    for (const id of ['a', 'c']) {
      await ws.service.saveAnnotation(ws.dataset.get(id)!, { ...sampleDoc(id), status: 'accepted' }, 0, 'test');
    }
    const out = temp();
    const summary = await exportDataset(ws.service, new DirectorySink(out), { statuses: ['accepted'], bin: true });
    expect(summary).toMatchObject({ frames: 2, filteredOut: 1, converted: [{ frameId: 'a', points: 20, dropped: 0 }] });
    expect(fs.readdirSync(path.join(out, 'training', 'velodyne')).sort()).toEqual(['a.bin', 'c.bin']);
    expect(fs.statSync(path.join(out, 'training', 'velodyne', 'a.bin')).size).toBe(20 * 16);
  });

  it('rewrites label files left stale by a failed write', async () => {
    const data = makeKittiDataset(path.join(temp(), 'data'), { ids: ['a'] });
    const ws = await workspace(data);
    const file = path.join(ws.labelsDir, 'a.txt');
    fs.mkdirSync(file, { recursive: true });
    const saved = await ws.service.saveAnnotation(ws.dataset.get('a')!, sampleDoc('a'), 0, 'test');
    expect(saved.ok && saved.labelWritten).toBe(false);
    fs.rmdirSync(file);
    const summary = await exportDataset(ws.service, new DirectorySink(temp()));
    expect(summary.labelsRepaired).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^Car /);
  });
});
