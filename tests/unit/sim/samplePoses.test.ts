/** The simulator's poses.txt (KITTI odometry convention) reads back to its ground-truth ego poses. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKittiCalib } from '../../../src/domain/kitti/parseKittiCalib.ts';
import { parseKittiOdometryPoses } from '../../../src/domain/poses/parseKittiOdometryPoses.ts';
import { composeRigid, invertRigid, rigidFromYaw } from '../../../src/domain/poses/rigid.ts';
import { samplePosesText } from '../../../src/sim/samplePoses.ts';
import { sampleCalib } from '../../../src/sim/sampleCalib.ts';

const root = resolve(process.cwd(), 'samples');
const gt = JSON.parse(readFileSync(resolve(root, 'ground_truth.json'), 'utf8')) as { frames: { egoPose: { position: number[]; yaw: number } }[] };

describe('samples/poses.txt', () => {
  it("gives each frame's LiDAR pose in frame 0's LiDAR frame, as ground_truth.json has it (1 mm, 1e-6 rad)", () => {
    const calib = parseKittiCalib(readFileSync(resolve(root, 'calib/000000.txt'), 'utf8'));
    const poses = parseKittiOdometryPoses(readFileSync(resolve(root, 'poses.txt'), 'utf8'), { fileName: 'poses.txt', veloToCam: calib.Tr_velo_to_cam });
    expect(poses).toHaveLength(gt.frames.length);
    const world = gt.frames.map((f) => rigidFromYaw(f.egoPose.yaw, f.egoPose.position));
    const first = invertRigid(world[0]);
    poses.forEach((p, i) => {
      const truth = composeRigid(first, world[i]);
      [3, 7, 11].forEach((k) => expect(Math.abs(p[k] - truth[k])).toBeLessThan(1e-3));
      expect(Math.abs(Math.atan2(p[4], p[0]) - Math.atan2(truth[4], truth[0]))).toBeLessThan(1e-6);
    });
  });

  it("is written from the simulation's poses (a turning ego reads back exactly)", () => {
    const calib = sampleCalib();
    const lidar = [0, 1, 2].map((i) => ({ yaw: 0.3 * i, tx: 10 + 2 * i, ty: -3 + i * i, tz: 1.7 }));
    const poses = parseKittiOdometryPoses(samplePosesText(lidar, calib), { veloToCam: calib.Tr_velo_to_cam });
    const first = invertRigid(rigidFromYaw(lidar[0].yaw, [lidar[0].tx, lidar[0].ty, lidar[0].tz]));
    poses.forEach((p, i) => {
      const truth = composeRigid(first, rigidFromYaw(lidar[i].yaw, [lidar[i].tx, lidar[i].ty, lidar[i].tz]));
      p.forEach((v, k) => expect(v).toBeCloseTo(truth[k], 8));
    });
  });
});
