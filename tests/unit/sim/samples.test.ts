/**
 * Checks the committed sample dataset (samples/): it must be exactly what the simulator
 * generates today, and its labels must agree with its ground truth. When this fails after a
 * change to the simulator or to the KITTI/PCD writers, run `npm run samples` and commit.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kittiToCuboid } from '../../../src/domain/kitti/kittiToCuboid.ts';
import { parseKittiCalib } from '../../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiLabel } from '../../../src/domain/kitti/parseKittiLabel.ts';
import { readPngSize } from '../../../src/domain/kitti/readPngSize.ts';
import { parsePcd } from '../../../src/domain/pcd/parsePcd.ts';
import { buildSampleDataset, defaultSampleOptions } from '../../../src/sim/buildSampleDataset.ts';
import { nodeDeflate } from '../../../src/sim/nodeDeflate.ts';

const root = resolve(process.cwd(), 'samples');
const read = (path: string): Buffer => readFileSync(resolve(root, path));

interface GtObject {
  trackId: string;
  class: string;
  center: number[];
  size: number[];
  yaw: number;
  pointsInBox: number;
  labelled: boolean;
}

describe('samples/', () => {
  it('is present with ten frames of velodyne, image_2, calib and label_2', () => {
    expect(existsSync(resolve(root, 'ground_truth.json'))).toBe(true);
    expect(readdirSync(resolve(root, 'velodyne')).sort()).toHaveLength(10);
    const images = readdirSync(resolve(root, 'image_2')).sort();
    expect(images).toEqual(Array.from({ length: 10 }, (_, i) => `${String(i).padStart(6, '0')}.png`));
    for (const name of images) {
      const bytes = read(`image_2/${name}`);
      expect(readPngSize(new Uint8Array(bytes))).toEqual([1242, 375]);
      // Flat shading keeps each image small.
      expect(bytes.length).toBeLessThan(150_000);
    }
    expect(readdirSync(resolve(root, 'calib'))).toHaveLength(10);
    expect(readdirSync(resolve(root, 'label_2'))).toHaveLength(10);
  });

  it('holds 100k–130k points per frame and labels that match ground_truth.json within 1 cm', () => {
    const gt = JSON.parse(read('ground_truth.json').toString('utf8'));
    expect(gt.frames).toHaveLength(10);
    for (const frame of gt.frames) {
      const file: string = frame.file;
      const bytes = read(file);
      const count = file.endsWith('.bin') ? bytes.length / 16 : parsePcd(new Uint8Array(bytes)).count;
      expect(count).toBe(frame.points);
      expect(count).toBeGreaterThan(100_000);
      expect(count).toBeLessThan(130_000);
      const calib = parseKittiCalib(read(`calib/${frame.frameId}.txt`).toString('utf8'));
      const labels = parseKittiLabel(read(`label_2/${frame.frameId}.txt`).toString('utf8'));
      const labelled = (frame.objects as GtObject[]).filter((o) => o.labelled);
      expect(labels.length).toBe(labelled.length);
      labels.forEach((obj, i) => {
        const box = kittiToCuboid(obj, calib);
        const want = labelled[i];
        expect(box.label).toBe(want.class);
        expect(want.pointsInBox).toBeGreaterThanOrEqual(5);
        for (let a = 0; a < 3; a++) {
          expect(Math.abs(box.center[a] - want.center[a])).toBeLessThan(0.01);
          expect(Math.abs(box.size[a] - want.size[a])).toBeLessThan(0.01);
        }
        expect(Math.abs(Math.atan2(Math.sin(box.yaw - want.yaw), Math.cos(box.yaw - want.yaw)))).toBeLessThan(0.01);
      });
    }
  });

  it('stays within the repository budget for samples/: 15 MiB (what `du -sh` prints as 15M)', () => {
    let total = 0;
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.name.startsWith('.')) continue;
        const full = resolve(dir, e.name);
        if (e.isDirectory()) walk(full);
        else total += statSync(full).size;
      }
    };
    walk(root);
    expect(total).toBeLessThan(15 * 1024 * 1024);
  });

  // Each frame depends only on the scene and its index, so regenerating a few frames checks the
  // simulator, the camera renderer and every writer (binary, binary_compressed and ascii PCD, KITTI
  // .bin, PNG, calib, label_2) against the committed bytes at a fraction of the cost of all ten.
  const committedTruth = JSON.parse(read('ground_truth.json').toString('utf8')) as { generator: unknown; frames: { frameId: string }[] };
  // The camera render costs several times the LiDAR sweep, so two of the four frames render theirs.
  it.each([
    [0, 'binary PCD', true],
    [1, 'binary_compressed PCD', false],
    [2, 'ascii PCD', false],
    [9, 'KITTI .bin', true],
  ])('frame %i (%s) is byte-identical to a fresh generation, image too: %s (run `npm run samples` after changing the simulator)', (index, _format, image) => {
    const { files } = buildSampleDataset({ ...defaultSampleOptions(), only: [index] }, undefined, image ? nodeDeflate : undefined);
    const id = String(index).padStart(6, '0');
    const frameFiles = files.filter((f) => f.path.includes(id));
    expect(frameFiles.map((f) => f.path.split('/')[0]).sort()).toEqual(image ? ['calib', 'image_2', 'label_2', 'velodyne'] : ['calib', 'label_2', 'velodyne']);
    for (const f of frameFiles) {
      expect(existsSync(resolve(root, f.path)), f.path).toBe(true);
      expect(read(f.path).equals(Buffer.from(f.bytes)), `${f.path} differs from a fresh generation`).toBe(true);
    }
    const fresh = JSON.parse(new TextDecoder().decode(files.find((f) => f.path === 'ground_truth.json')!.bytes)) as typeof committedTruth;
    expect(fresh.generator).toEqual(committedTruth.generator);
    expect(fresh.frames).toEqual([committedTruth.frames[index]]);
  });
});
