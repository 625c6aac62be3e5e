import { describe, expect, it } from 'vitest';
import { kittiToCuboid } from '../../../src/domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../../../src/domain/kitti/parseKittiLabel.ts';
import { parsePcd } from '../../../src/domain/pcd/parsePcd.ts';
import { buildSampleDataset, defaultSampleOptions } from '../../../src/sim/buildSampleDataset.ts';
import type { SampleDatasetOptions } from '../../../src/sim/buildSampleDataset.ts';
import { createSensor } from '../../../src/sim/sensor.ts';

const small: SampleDatasetOptions = { ...defaultSampleOptions(), sensor: createSensor({ beams: 16, azimuthSteps: 240 }) };
const decode = (b: Uint8Array): string => new TextDecoder().decode(b);
const bytesOf = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('buildSampleDataset (reduced sensor)', () => {
  const first = buildSampleDataset(small);

  it('writes no images without a deflate function', () => {
    expect(first.files.some((f) => f.path.startsWith('image_2/'))).toBe(false);
    expect(first.files.filter((f) => f.path.startsWith('velodyne/'))).toHaveLength(10);
  });

  it('gives the same bytes twice', () => {
    const again = buildSampleDataset(small);
    expect(again.files.map((f) => f.path)).toEqual(first.files.map((f) => f.path));
    first.files.forEach((f, i) => expect(Buffer.from(again.files[i].bytes).equals(Buffer.from(f.bytes))).toBe(true));
  });

  it('writes one point file per frame in mixed encodings, each readable back', () => {
    const velodyne = first.files.filter((f) => f.path.startsWith('velodyne/'));
    expect(velodyne.map((f) => f.path)).toEqual([
      'velodyne/000000.pcd',
      'velodyne/000001.pcd',
      'velodyne/000002.pcd',
      'velodyne/000003.pcd',
      'velodyne/000004.pcd',
      'velodyne/000005.pcd',
      'velodyne/000006.pcd',
      'velodyne/000007.pcd',
      'velodyne/000008.pcd',
      'velodyne/000009.bin',
    ]);
    const encodings = new Set<string>();
    velodyne.forEach((f, i) => {
      const frame = first.frames[i].frame;
      if (f.path.endsWith('.bin')) {
        expect(f.bytes.length).toBe(frame.cloud.count * 16);
        return;
      }
      const cloud = parsePcd(f.bytes);
      encodings.add(cloud.header.data);
      expect(cloud.count).toBe(frame.cloud.count);
      expect(Array.from(cloud.positions)).toEqual(Array.from(frame.cloud.positions));
      expect(bytesOf(cloud.attributes.intensity).equals(bytesOf(frame.cloud.attributes.intensity))).toBe(true);
      const ascii = cloud.header.data === 'ascii';
      expect(cloud.header.fields.map((x) => x.name)).toEqual(ascii ? ['x', 'y', 'z', 'intensity'] : ['x', 'y', 'z', 'intensity', 'ring', 't']);
      if (!ascii) expect(bytesOf(cloud.attributes.ring).equals(bytesOf(frame.cloud.attributes.ring))).toBe(true);
    });
    expect([...encodings].sort()).toEqual(['ascii', 'binary', 'binary_compressed']);
    expect(first.frames.map((f) => f.format)).toEqual([
      'binary',
      'binary_compressed',
      'ascii',
      'binary_compressed',
      'binary_compressed',
      'binary_compressed',
      'binary_compressed',
      'binary_compressed',
      'binary_compressed',
      'bin',
    ]);
  });

  it('writes label lines that read back to the ground-truth boxes within 1 cm', () => {
    let lines = 0;
    for (const f of first.frames) {
      const calib = parseKittiCalib(decode(first.files.find((x) => x.path === `calib/${f.frameId}.txt`)!.bytes));
      const objects = parseKittiLabel(decode(first.files.find((x) => x.path === `label_2/${f.frameId}.txt`)!.bytes));
      const expected = f.objects.filter((o) => o.labelled);
      expect(objects.length).toBe(expected.length);
      objects.forEach((obj, i) => {
        const back = kittiToCuboid(obj, calib);
        const gt = expected[i].sim;
        expect(back.label).toBe(gt.label);
        for (let a = 0; a < 3; a++) {
          expect(Math.abs(back.center[a] - gt.center[a])).toBeLessThan(0.01);
          expect(Math.abs(back.size[a] - gt.size[a])).toBeLessThanOrEqual(0.005 + 1e-9);
        }
        const dyaw = Math.atan2(Math.sin(back.yaw - gt.yaw), Math.cos(back.yaw - gt.yaw));
        expect(Math.abs(dyaw)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(expected[i].pointsInBox).toBeGreaterThanOrEqual(5);
        lines++;
      });
    }
    expect(lines).toBeGreaterThan(10);
  });

  it('labels objects outside camera 2 with an empty bbox and truncated 1', () => {
    const behind = first.frames.flatMap((f) => f.objects.filter((o) => o.labelled && !o.inCamera));
    expect(behind.length).toBeGreaterThan(0);
    for (const o of behind) {
      expect(o.kitti.bbox).toEqual([0, 0, 0, 0]);
      expect(o.truncated).toBe(1);
    }
  });

  it('describes every frame in ground_truth.json with the generator parameters', () => {
    const gt = JSON.parse(decode(first.files.find((f) => f.path === 'ground_truth.json')!.bytes));
    expect(gt.generator.seed).toBe(small.seed);
    expect(gt.generator.sensor.azimuthSteps).toBe(240);
    expect(gt.frames).toHaveLength(10);
    expect(gt.frames[4].points).toBe(first.frames[4].points);
    expect(gt.frames[4].objects[0]).toMatchObject({ trackId: 'car-01', class: 'Car' });
    expect(gt.frames[9].egoPose.position[0]).toBeCloseTo(2.7, 6);
  });
});
