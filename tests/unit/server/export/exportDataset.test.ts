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

/** A file's bytes as float32 (a copy: a small file's Buffer shares a larger pool). */
const floats = (b: Buffer): Float32Array => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

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

  it('writes what the KITTI readers need: calibs in line order, finite points, an empty test.txt, and says which frames lack an image', async () => {
    const data = makeKittiDataset(path.join(temp(), 'data'), { ids: ['a', 'b', 'c'], images: ['a'] });
    // b's calib has its lines shuffled and only the three matrices the labels need (OpenPCDet takes P2 from line 3).
    const lines = fs.readFileSync(path.join(data, 'calib', 'b.txt'), 'utf8').split('\n');
    const keep = (key: string) => lines.find((l) => l.startsWith(`${key}:`))!;
    fs.writeFileSync(path.join(data, 'calib', 'b.txt'), ['', keep('Tr_velo_to_cam'), keep('P2'), keep('R0_rect'), ''].join('\n'));
    // c's points hold two records with a non-finite coordinate.
    const bin = floats(fs.readFileSync(path.join(data, 'velodyne', 'c.bin')));
    bin[4] = Number.NaN;
    bin[9] = Number.POSITIVE_INFINITY;
    fs.writeFileSync(path.join(data, 'velodyne', 'c.bin'), new Uint8Array(bin.buffer));
    const ws = await workspace(data);
    const out = temp();
    const summary = await exportDataset(ws.service, new DirectorySink(out));
    expect(summary.frames).toBe(3);
    const calib = fs.readFileSync(path.join(out, 'training', 'calib', 'b.txt'), 'utf8').split('\n');
    expect(calib.slice(0, 7).map((l) => l.split(':')[0])).toEqual(['P0', 'P1', 'P2', 'P3', 'R0_rect', 'Tr_velo_to_cam', 'Tr_imu_to_velo']);
    expect(calib[2].split(' ').slice(1).map(Number)).toEqual(keep('P2').split(' ').slice(1).map(Number));
    expect(summary.calibFilled).toEqual([{ frameId: 'b', filled: ['P0', 'P1', 'P3', 'Tr_imu_to_velo'] }]);
    // The finite records are kept in order, the two others dropped and counted.
    const written = floats(fs.readFileSync(path.join(out, 'training', 'velodyne', 'c.bin')));
    expect(written.length).toBe(bin.length - 8);
    expect(written.every((v) => Number.isFinite(v))).toBe(true);
    expect(Array.from(written.slice(0, 4))).toEqual(Array.from(bin.slice(0, 4)));
    expect(summary.rewrittenBins).toEqual([{ frameId: 'c', layout: 'xyzi', points: bin.length / 4 - 2, dropped: 2 }]);
    expect(fs.readFileSync(path.join(out, 'ImageSets', 'test.txt'), 'utf8')).toBe('');
    expect(summary.noImage).toEqual(['b', 'c']);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'cuboid_export.json'), 'utf8'));
    expect(manifest.conversions.join('\n')).toMatch(/2 points with a non-finite coordinate dropped/);
    expect(manifest.conversions.join('\n')).toMatch(/calib: written in KITTI's line order; 1 lacked matrices \(b: P0 P1 P3 Tr_imu_to_velo\)/);
  });

  it('warns of a class that differs from a KITTI class only in case (the readers would drop its boxes)', async () => {
    const data = makeKittiDataset(path.join(temp(), 'data'), { ids: ['a'] });
    const ws = await workspace(data);
    await ws.service.saveAnnotation(ws.dataset.get('a')!, sampleDoc('a', [{ ...sampleCuboid('x'), label: 'car' }]), 0, 'test');
    const summary = await exportDataset(ws.service, new DirectorySink(temp()));
    expect(summary.classCase).toEqual([{ label: 'car', kitti: 'Car' }]);
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
