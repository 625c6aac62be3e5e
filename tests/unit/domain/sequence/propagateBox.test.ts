import { describe, expect, it } from 'vitest';
import { propagateBox, defaultGate, defaultMinPoints } from '../../../../src/domain/sequence/propagateBox.ts';
import { yawDelta } from '../../../../src/domain/sequence/predictBox.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { estimateGround } from '../../../../src/domain/geometry/estimateGround.ts';
import { iouBev } from '../../../../src/domain/geometry/iou.ts';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';
import { carOnGround, groundPoints, visibleFacePoints } from '../geometry/syntheticScene.ts';

const CAR: [number, number, number] = [4.2, 1.8, 1.5];

function frame(boxes: CuboidShape[], seed = 1) {
  const positions = new Float32Array([
    ...groundPoints(boxes, { extent: 25, groundStep: 0.4 }),
    ...boxes.flatMap((b, i) => visibleFacePoints(b, { seed: seed + i })),
  ]);
  return { positions, grid: buildPointGrid(positions), ground: estimateGround(positions) };
}

describe('propagateBox', () => {
  it('tracks a moving car by its points when the previous frame is given', () => {
    const b0 = carOnGround(12, 4, 0.2, CAR);
    const b1 = carOnGround(12.8, 4.15, 0.2, CAR);
    const f0 = frame([b0], 1);
    const f1 = frame([b1], 5);
    const r = propagateBox(f1.positions, [b0], { label: 'Car', grid: f1.grid, ground: f1.ground, previous: f0 });
    expect(r.status).toBe('fitted');
    expect(iouBev(r.box, b1)).toBeGreaterThan(0.9);
    expect(r.predicted).toEqual(b0);
    expect(r.pointCount).toBeGreaterThan(50);
    expect(r.box.size).toEqual(CAR);
  });

  it('re-fits with the box as prior when no previous frame is given, seeded by the motion', () => {
    const history = [carOnGround(10, -4, 0, CAR), carOnGround(10.6, -4, 0, CAR)];
    const truth = carOnGround(11.25, -4.05, 0.03, CAR);
    const f = frame([truth], 2);
    const r = propagateBox(f.positions, history, { grid: f.grid, ground: f.ground });
    expect(r.predicted.center[0]).toBeCloseTo(11.2, 12);
    expect(r.status).toBe('fitted');
    expect(iouBev(r.box, truth)).toBeGreaterThan(0.85);
    r.box.size.forEach((v, i) => expect(v).toBeCloseTo(CAR[i], 9));
  });

  it('takes the size from the points when the size is not locked', () => {
    const prior = carOnGround(10, 6, 0.1, [3.6, 1.6, 1.4]);
    const truth = carOnGround(10.1, 6, 0.1, [4.6, 1.9, 1.6]);
    const f0 = frame([prior], 3);
    const f1 = frame([truth], 4);
    const locked = propagateBox(f1.positions, [prior], { grid: f1.grid, ground: f1.ground, previous: f0 });
    expect(locked.box.size).toEqual([3.6, 1.6, 1.4]);
    const free = propagateBox(f1.positions, [prior], { grid: f1.grid, ground: f1.ground, lockSize: false });
    expect(free.status).toBe('fitted');
    expect(free.box.size[0]).toBeGreaterThan(4.2);
    expect(iouBev(free.box, truth)).toBeGreaterThan(0.65);
  });

  it('keeps the predicted box, marked low_points, where the object has no points', () => {
    const history = [carOnGround(10, 4, 0, CAR), carOnGround(10.5, 4, 0.05, CAR)];
    const f = frame([], 6);
    const r = propagateBox(f.positions, history, { grid: f.grid, ground: f.ground, previous: frame(history.slice(1), 7) });
    expect(r.status).toBe('low_points');
    expect(r.pointCount).toBe(0);
    expect(r.box).toEqual(r.predicted);
    expect(r.box.center[0]).toBeCloseTo(11, 12);
    expect(r.box.yaw).toBeCloseTo(0.1, 12);
  });

  it('says low_points when the fit finds fewer points than minPoints', () => {
    const b = carOnGround(10, 4, 0, CAR);
    const f = frame([b], 8);
    const r = propagateBox(f.positions, [b], { grid: f.grid, ground: f.ground, minPoints: 100_000 });
    expect(r.status).toBe('low_points');
    expect(r.pointCount).toBeGreaterThan(0);
    expect(r.box).toEqual(b);
  });

  it('says lost when the only object near is beyond the gate (it is something else)', () => {
    const predicted = carOnGround(10, 4, 0, CAR);
    const other = carOnGround(12.7, 4, 0, CAR);
    const f = frame([other], 9);
    const r = propagateBox(f.positions, [predicted], { grid: f.grid, ground: f.ground });
    expect(defaultGate(predicted)).toBeCloseTo(1.55, 12);
    expect(r.status).toBe('lost');
    expect(r.box).toEqual(predicted);
  });

  it('never turns a box by more than 90° from its prediction', () => {
    const deg = Math.PI / 180;
    let checked = 0;
    for (const yawDeg of [0, 45, 89, 90, 135, 179, -179, -100, -45]) {
      for (const offset of [-40, 0, 40, 85]) {
        const truth = carOnGround(14, -3, (yawDeg + offset) * deg, CAR);
        const prior = carOnGround(14, -3, yawDeg * deg, CAR);
        const f = frame([truth], checked + 11);
        const r = propagateBox(f.positions, [prior], { grid: f.grid, ground: f.ground });
        expect(Math.abs(yawDelta(prior.yaw, r.box.yaw))).toBeLessThanOrEqual(Math.PI / 2 + 1e-9);
        checked++;
      }
    }
    expect(checked).toBe(36);
  });

  it('needs 3 points for people and riders, 5 for everything else', () => {
    expect(defaultMinPoints('Pedestrian')).toBe(3);
    expect(defaultMinPoints('cyclist')).toBe(3);
    expect(defaultMinPoints('Car')).toBe(5);
    expect(defaultMinPoints('Truck')).toBe(5);
    expect(defaultMinPoints(undefined)).toBe(5);
  });
});
