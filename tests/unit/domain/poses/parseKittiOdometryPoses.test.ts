import { describe, expect, it } from 'vitest';
import { formatPoseLine, parseKittiOdometryPoses } from '../../../../src/domain/poses/parseKittiOdometryPoses.ts';
import { composeRigid, invertRigid, rigidFrom, rigidFromYaw } from '../../../../src/domain/poses/rigid.ts';

// KITTI's axis change LiDAR (x fwd, y left, z up) → camera (x right, y down, z fwd), with an offset.
const TR = [0, -1, 0, 0.1, 0, 0, -1, -0.08, 1, 0, 0, -0.27];
const tr4 = [...TR, 0, 0, 0, 1];

describe('parseKittiOdometryPoses', () => {
  it("reads camera poses and turns them into LiDAR poses in frame 0's LiDAR frame", () => {
    // The car drives 2 m forward (camera +z) and turns 0.1 rad left between frame 0 and 1.
    const lidar1 = rigidFromYaw(0.1, [2, 0, 0]);
    const cam1 = composeRigid(composeRigid(tr4, lidar1), invertRigid(tr4));
    const text = `${formatPoseLine([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])}\n${formatPoseLine(cam1)}\n\n`;
    const asCam = parseKittiOdometryPoses(text);
    expect(asCam).toHaveLength(2);
    asCam[1].forEach((v, i) => expect(v).toBeCloseTo(cam1[i], 8));
    const poses = parseKittiOdometryPoses(text, { veloToCam: TR });
    poses[0].forEach((v, i) => expect(v).toBeCloseTo([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1][i], 9));
    poses[1].forEach((v, i) => expect(v).toBeCloseTo(lidar1[i], 8));
  });

  it('names the file, line and field of a bad value, a short line, a gap and a non-rigid matrix', () => {
    const good = '1 0 0 0 0 1 0 0 0 0 1 0';
    expect(() => parseKittiOdometryPoses(`${good}\n1 0 0 x 0 1 0 0 0 0 1 0\n`, { fileName: 'poses.txt' })).toThrow(
      /poses\.txt.*line 2, field "t1": "x" is not a number/,
    );
    expect(() => parseKittiOdometryPoses('1 0 0 0 0 1 0 0 0 0 1', { fileName: 'poses.txt' })).toThrow(/line 1: expected 12 values/);
    expect(() => parseKittiOdometryPoses(`${good}\n\n${good}`, { fileName: 'poses.txt' })).toThrow(/line 2: blank line/);
    expect(() => parseKittiOdometryPoses('2 0 0 0 0 1 0 0 0 0 1 0', { fileName: 'poses.txt' })).toThrow(/line 1: not a rigid transform/);
  });

  it('writes what it reads (12 values in %.9e)', () => {
    const pose = rigidFrom([0, -1, 0, 1, 0, 0, 0, 0, 1], [1.5, -2.25, 0.125]);
    const [back] = parseKittiOdometryPoses(formatPoseLine(pose));
    back.forEach((v, i) => expect(v).toBeCloseTo(pose[i], 9));
  });
});
