import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lidarBoxToWorld } from '../../../../src/domain/poses/worldTransforms.ts';
import { LocalSource } from '../../../../src/server/dataset/LocalSource.ts';
import { isKittiTrackingLayout, scanKittiTracking } from '../../../../src/server/dataset/layouts/scanKittiTracking.ts';
import { isNuscenesLayout, scanNuscenes } from '../../../../src/server/dataset/layouts/scanNuscenes.ts';
import { makeTempDir } from '../fixtures/makeDataset.ts';
import { makeKittiTrackingDataset, makeNuscenesDataset } from '../fixtures/makeSequenceDatasets.ts';

const dirs: string[] = [];
const temp = () => {
  const d = makeTempDir('cuboid-seq-');
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const local = (root: string) => new LocalSource({ kind: 'local', root, confinedTo: fs.realpathSync(root) });

describe('KITTI tracking layout', () => {
  it("lists every sequence's frames in order with track ids, and a parked car stays put in the world", async () => {
    const root = makeKittiTrackingDataset(temp());
    const source = local(root);
    expect(await isKittiTrackingLayout(source)).toBe(true);
    expect(await isNuscenesLayout(source)).toBe(false);
    const scan = await scanKittiTracking(source);
    expect(scan.warnings).toEqual([]);
    expect(scan.frames.map((f) => f.id)).toEqual(['0000_000000', '0000_000001', '0000_000002', '0001_000000', '0001_000001']);
    expect(scan.frames.map((f) => f.sequence)).toEqual(['0000', '0000', '0000', '0001', '0001']);
    const f0 = scan.frames[0];
    expect(f0.binLayout).toBe('xyzi');
    expect(f0.calibRef).toBe(path.join(root, 'calib', '0000.txt'));
    expect(f0.shipped?.file).toBe('label_02/0000.txt');
    expect(f0.shipped?.cuboids.map((c) => [c.trackId, c.label])).toEqual([
      ['t0-s0000', 'Car'],
      ['t1-s0000', 'Pedestrian'],
    ]);
    expect(f0.shipped?.dontCare).toHaveLength(1);
    expect(scan.frames[3].shipped?.cuboids.map((c) => c.trackId)).toEqual(['t0-s0001']);
    // Frame 0's pose is the identity; the ego drives ~1 m forward per frame.
    expect(f0.pose?.[3]).toBeCloseTo(0, 9);
    expect(scan.frames[2].pose?.[3]).toBeCloseTo(2, 1);
    // The parked car (10 − f m ahead in each frame) is at one place in the world.
    const world = scan.frames
      .slice(0, 3)
      .map((f) => lidarBoxToWorld(f.shipped?.cuboids[0] as NonNullable<typeof f0.shipped>['cuboids'][0], f.pose as number[]));
    for (const w of world.slice(1)) {
      expect(Math.hypot(w.center[0] - world[0].center[0], w.center[1] - world[0].center[1])).toBeLessThan(0.05);
      expect(Math.abs(w.yaw - world[0].yaw)).toBeLessThan(0.01);
    }
  });

  it('is not taken for a KITTI object layout, even beside a label_02 folder', async () => {
    const root = temp();
    fs.mkdirSync(path.join(root, 'velodyne'));
    fs.mkdirSync(path.join(root, 'calib'));
    fs.mkdirSync(path.join(root, 'label_02'));
    fs.writeFileSync(path.join(root, 'velodyne', '000000.bin'), new Uint8Array(16));
    fs.writeFileSync(path.join(root, 'calib', '000000.txt'), 'P2: 1 0 0 0 0 1 0 0 0 0 1 0\n');
    fs.writeFileSync(path.join(root, 'label_02', 'notes.txt'), '');
    expect(await isKittiTrackingLayout(local(root))).toBe(false);
    // A tracking testing split (calib and velodyne only) is one.
    fs.mkdirSync(path.join(root, 'velodyne', '0007'));
    fs.writeFileSync(path.join(root, 'calib', '0007.txt'), '');
    expect(await isKittiTrackingLayout(local(root))).toBe(true);
  });

  it('opens the frames of a sequence whose label, calib or oxts file is broken, naming the file, line and field', async () => {
    const root = makeKittiTrackingDataset(temp());
    fs.appendFileSync(path.join(root, 'label_02', '0001.txt'), '1 5 Car 0 0 0 1 2 3 4 1.5 1.6 x 0 1 2 0\n');
    fs.writeFileSync(path.join(root, 'oxts', '0000.txt'), '49 8.4 110 0 0\n');
    const scan = await scanKittiTracking(local(root));
    expect(scan.frames).toHaveLength(5);
    expect(scan.warnings.join('\n')).toMatch(/label_02\/0001\.txt\)?: .*line 4, field "l": "x" is not a number/);
    expect(scan.warnings.join('\n')).toMatch(/oxts\/0000\.txt\)?: .*line 1: expected 30 values/);
    // The frames of the sequence whose labels do not read carry the problem (serve, check and export say it), no boxes.
    expect(scan.frames[3].shipped).toMatchObject({ cuboids: [], problem: expect.stringMatching(/label_02\/0001\.txt\)?: .*line 4, field "l"/) });
    expect(scan.frames[0].pose).toBeNull();
    expect(scan.frames[0].shipped?.cuboids).toHaveLength(2);
  });
});

describe('nuScenes layout', () => {
  it('lists the LiDAR keyframes by scene and time, with poses and boxes in each LiDAR frame', async () => {
    const root = makeNuscenesDataset(temp());
    const source = local(root);
    expect(await isNuscenesLayout(source)).toBe(true);
    const scan = await scanNuscenes(source);
    expect(scan.warnings).toEqual([]);
    expect(scan.frames).toHaveLength(5);
    expect(scan.frames.map((f) => f.sequence)).toEqual(['scene-0001', 'scene-0001', 'scene-0001', 'scene-0002', 'scene-0002']);
    expect(scan.frames[0].id).toBe('n015-2018-07-24-11-22-45_0800__LIDAR_TOP__1532402927647951');
    expect(scan.frames[0].binLayout).toBe('xyzir');
    // Golden: the car parked at global (100, 230, 1), the LiDAR at (100, 201 + 5i, 1.8) facing north, x right.
    scan.frames.slice(0, 3).forEach((f, i) => {
      const car = f.shipped?.cuboids[0];
      expect(car?.trackId).toBe('i-car');
      expect(car?.label).toBe('vehicle.car');
      car?.center.forEach((v, k) => expect(v).toBeCloseTo([0, 29 - 5 * i, -0.8][k], 9));
      expect(car?.size).toEqual([4.5, 2, 1.6]);
      expect(car?.yaw).toBeCloseTo(Math.PI / 2, 9);
    });
    expect(scan.frames[3].shipped?.cuboids).toEqual([]);
  });

  it('names a table row that references a missing token; the rest of the dataset opens', async () => {
    const root = makeNuscenesDataset(temp(), (t) => {
      (t.sample_annotation[1] as { instance_token: string }).instance_token = 'missing-instance';
      (t.sample_data[4] as { calibrated_sensor_token: string }).calibrated_sensor_token = 'nope';
    });
    const scan = await scanNuscenes(local(root));
    expect(scan.warnings).toContain(
      'v1.0-mini/sample_annotation.json: row 1 (token "a-car-1"), field "instance_token": no instance has token "missing-instance"; row left out',
    );
    expect(scan.warnings.some((w) => w.startsWith('v1.0-mini/sample_data.json: row 4 (token "sd4"), field "calibrated_sensor_token"'))).toBe(true);
    expect(scan.frames).toHaveLength(5);
    expect(scan.frames[1].shipped?.cuboids).toEqual([]);
    // The keyframe whose sample_data row went is still a frame, without labels or pose.
    expect(scan.frames[4].pose).toBeNull();
  });

  it('opens the point files without labels when a table is not JSON', async () => {
    const root = makeNuscenesDataset(temp());
    fs.writeFileSync(path.join(root, 'v1.0-mini', 'ego_pose.json'), '[{"token": ');
    const scan = await scanNuscenes(local(root));
    expect(scan.warnings.join('\n')).toMatch(/v1\.0-mini\/ego_pose\.json: not valid JSON/);
    expect(scan.frames).toHaveLength(5);
    expect(scan.frames.every((f) => f.shipped === null && f.pose === null)).toBe(true);
  });
});
