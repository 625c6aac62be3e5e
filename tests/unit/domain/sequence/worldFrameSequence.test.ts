import { describe, expect, it } from 'vitest';
import { createCuboid } from '../../../../src/domain/document/cuboidOps.ts';
import { rigidFromYaw } from '../../../../src/domain/poses/rigid.ts';
import { lidarBoxToWorld, lidarToLidar, worldBoxToLidar } from '../../../../src/domain/poses/worldTransforms.ts';
import { interpolateSegment } from '../../../../src/domain/sequence/interpolateSegment.ts';
import { planInterpolation } from '../../../../src/domain/sequence/planInterpolation.ts';
import { propagateBox } from '../../../../src/domain/sequence/propagateBox.ts';

// The ego speeds up and turns: frame i at world x = i², heading 0.1·i rad.
const poses = [0, 1, 2, 3, 4].map((i) => rigidFromYaw(0.1 * i, [i * i, 0.3 * i, 0]));
// A car parked at world (30, 5), heading 1 rad.
const parked = { center: [30, 5, 0.8] as const, size: [4.2, 1.8, 1.6] as const, yaw: 1 };
const seen = (i: number) => worldBoxToLidar(parked, poses[i]);

describe('interpolation in the world frame', () => {
  it('keeps a parked car in place in every frame between keyframes while the ego accelerates and turns', () => {
    const boxes = interpolateSegment({ index: 0, box: seen(0) }, { index: 4, box: seen(4) }, {}, poses);
    expect(boxes.map((b) => b.index)).toEqual([1, 2, 3]);
    for (const { index, box } of boxes) {
      const truth = seen(index);
      box.center.forEach((v, k) => expect(v).toBeCloseTo(truth.center[k], 9));
      expect(box.yaw).toBeCloseTo(truth.yaw, 9);
    }
    // Without poses the sensor-frame interpolation misses it by metres.
    const naive = interpolateSegment({ index: 0, box: seen(0) }, { index: 4, box: seen(4) });
    expect(Math.hypot(naive[1].box.center[0] - seen(2).center[0], naive[1].box.center[1] - seen(2).center[1])).toBeGreaterThan(1);
  });

  it('falls back to the sensor frames when a frame between has no pose', () => {
    const withGap = [poses[0], poses[1], null, poses[3], poses[4]];
    const a = interpolateSegment({ index: 0, box: seen(0) }, { index: 4, box: seen(4) }, {}, withGap);
    const b = interpolateSegment({ index: 0, box: seen(0) }, { index: 4, box: seen(4) });
    expect(a).toEqual(b);
  });

  it('planInterpolation takes the poses of its frames', () => {
    const key = (i: number) => createCuboid({ id: `k${i}`, trackId: 't1-x', label: 'Car', ...seen(i), source: 'manual', attributes: { keyframe: true } });
    const frames = [0, 1, 2, 3, 4].map((i) => ({ frameId: `f${i}`, cuboids: i === 0 || i === 4 ? [key(i)] : [] }));
    const plan = planInterpolation(frames, 't1-x', 2, { poses });
    expect(plan.updates).toHaveLength(3);
    const world = lidarBoxToWorld(plan.updates[1].cuboid, poses[2]);
    expect(world.center[0]).toBeCloseTo(30, 6);
    expect(world.center[1]).toBeCloseTo(5, 6);
  });
});

describe('propagation with the ego motion', () => {
  it('predicts a parked car where it stands in the next frame (no points there: the prediction is kept)', () => {
    // History in frame 2's LiDAR frame: the car in frame 1 moved into frame 2, and in frame 2.
    const prev = worldBoxToLidar(parked, poses[2]);
    const last = seen(2);
    const r = propagateBox(new Float32Array(0), [prev, last], { label: 'Car', egoMotion: lidarToLidar(poses[2], poses[3]) });
    expect(r.status).toBe('low_points');
    r.predicted.center.forEach((v, k) => expect(v).toBeCloseTo(seen(3).center[k], 9));
    expect(r.predicted.yaw).toBeCloseTo(seen(3).yaw, 9);
    // Each box in its own frame, no ego motion: the turn and the speed-up are taken for the car's.
    const naive = propagateBox(new Float32Array(0), [seen(1), seen(2)], { label: 'Car' });
    expect(Math.hypot(naive.predicted.center[0] - seen(3).center[0], naive.predicted.center[1] - seen(3).center[1])).toBeGreaterThan(0.5);
  });
});
