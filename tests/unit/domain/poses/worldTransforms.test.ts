import { describe, expect, it } from 'vitest';
import { invertRigid, composeRigid, quaternionToMat3, rigidFrom, rigidFromYaw, rigidProblem } from '../../../../src/domain/poses/rigid.ts';
import { lidarBoxToWorld, lidarToLidar, transformBox, worldBoxToLidar, pointsToWorld } from '../../../../src/domain/poses/worldTransforms.ts';

const close = (a: readonly number[], b: readonly number[], eps = 1e-9) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], -Math.log10(eps)));

describe('world ↔ LiDAR transforms', () => {
  it('inverts a rigid transform exactly and composes to the identity', () => {
    const m = composeRigid(rigidFromYaw(0.7, [10, -4, 1.5]), rigidFrom(quaternionToMat3([0.9, 0.1, -0.2, 0.3]), [1, 2, 3]));
    expect(rigidProblem(m)).toBeNull();
    close(composeRigid(m, invertRigid(m)), [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('takes a box to the world and back (centre, size, yaw)', () => {
    const pose = rigidFromYaw(Math.PI / 2, [100, 50, 2]);
    const box = { center: [10, 0, -1] as const, size: [4, 2, 1.5] as const, yaw: 0.25 };
    const world = lidarBoxToWorld(box, pose);
    close(world.center, [100, 60, 1]);
    expect(world.yaw).toBeCloseTo(Math.PI / 2 + 0.25, 12);
    expect(world.size).toEqual([4, 2, 1.5]);
    const back = worldBoxToLidar(world, pose);
    close(back.center, box.center);
    expect(back.yaw).toBeCloseTo(0.25, 12);
  });

  it('keeps a parked car in place while the ego drives past it (frame A → frame B)', () => {
    // The ego moves 5 m along world +x between the frames; the car stands at world (20, 3).
    const poseA = rigidFromYaw(0, [0, 0, 0]);
    const poseB = rigidFromYaw(0.1, [5, 0, 0]);
    const carInA = { center: [20, 3, 0.8] as const, size: [4, 2, 1.6] as const, yaw: 0 };
    const inB = transformBox(carInA, lidarToLidar(poseA, poseB));
    const worldA = lidarBoxToWorld(carInA, poseA);
    const worldB = lidarBoxToWorld(inB, poseB);
    close(worldB.center, worldA.center);
    expect(worldB.yaw).toBeCloseTo(worldA.yaw, 12);
    close(inB.center, [15 * Math.cos(0.1) + 3 * Math.sin(0.1), -15 * Math.sin(0.1) + 3 * Math.cos(0.1), 0.8]);
  });

  it('names what is wrong with a matrix that is not rigid', () => {
    expect(rigidProblem([2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])).toMatch(/orthonormal/);
    expect(rigidProblem([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1])).toMatch(/reflection/);
    expect(rigidProblem([1, 0, 0])).toMatch(/16 values/);
  });

  it('moves points to the world in float64', () => {
    const out = pointsToWorld(new Float32Array([1, 2, 3]), rigidFromYaw(Math.PI, [1e6, 0, 0]));
    close(Array.from(out), [1e6 - 1, -2, 3], 1e-6);
  });
});
