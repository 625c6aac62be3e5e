import { describe, expect, it } from 'vitest';
import { groundHeightAt } from '../../../../src/domain/geometry/estimateGround.ts';
import { groundAndSensor } from '../../../../src/domain/sensor/groundAndSensor.ts';
import { simFrames } from '../../../bench/quality/simFrames.ts';

describe('groundAndSensor', () => {
  it('keeps the ground under a van right beside a 16-beam scanner at the road, not at the van', () => {
    // The scanner is 2 m up and its lowest beam (−15°) meets the road 7.5 m away: nearer, every
    // return is an object's. The van 4 m away lifted the ground under itself to 0.9 m, and the
    // checks called its box sunk 0.77 m below the ground.
    const [f] = [...simFrames({ profile: 'vlp16', height: 2, vehicleFrame: false }, 1, 15)];
    const van = f.boxes[4];
    expect(van.label).toBe('Van');
    expect(Math.hypot(van.center[0], van.center[1])).toBeLessThan(5);
    const { ground, sensor } = groundAndSensor(f.positions, { ring: f.ring });
    expect(sensor.heightAboveGround).toBeCloseTo(2, 1);
    const bottom = van.center[2] - van.size[2] / 2;
    for (const [dx, dy] of [
      [0, 0],
      [-2, 0],
      [2, 0],
    ]) {
      expect(Math.abs(groundHeightAt(ground, van.center[0] + dx, van.center[1] + dy) - bottom)).toBeLessThan(0.15);
    }
  }, 30_000);

  it('puts the ground under far vehicles that one row of a 16-beam scanner shows at the road, not at the row', () => {
    // 45–60 m from a VLP-16 1.73 m up no ground answers (its −3° beam meets the road at 33 m, its
    // −1° beam at 99 m): the van's only row, 0.7 m up, and the truck's, above the sensor, were
    // taken for the ground there and the van and the truck vanished into it.
    const [f] = [...simFrames({ profile: 'vlp16', height: 1.73, vehicleFrame: false }, 1, 0)];
    const { ground } = groundAndSensor(f.positions, { ring: f.ring });
    for (const [i, label] of [
      [15, 'Van'],
      [16, 'Truck'],
    ] as const) {
      const box = f.boxes[i];
      expect(box.label).toBe(label);
      expect(Math.hypot(box.center[0], box.center[1])).toBeGreaterThan(44);
      const bottom = box.center[2] - box.size[2] / 2;
      expect(Math.abs(groundHeightAt(ground, box.center[0], box.center[1]) - bottom)).toBeLessThan(0.15);
    }
  }, 30_000);
});
