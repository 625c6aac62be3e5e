import { describe, expect, it } from 'vitest';
import { FrameChecker } from '../../../../src/domain/checks/FrameChecker.ts';
import { fitCuboid } from '../../../../src/domain/geometry/fitCuboid.ts';
import { groundHeightAt } from '../../../../src/domain/geometry/estimateGround.ts';
import { iou3d, iouBev } from '../../../../src/domain/geometry/iou.ts';
import { simFrames } from '../../../bench/quality/simFrames.ts';

/** Frame `k` of the simulated 32-beam scanner mounted 2.00 m high, with its analysis. */
function frame(k: number) {
  const [f] = [...simFrames({ profile: 'hdl32', height: 2, vehicleFrame: false }, 1, k)];
  const { grid, ground, sensor } = new FrameChecker(f.id, f.positions, { ring: f.ring }).analysis;
  return { f, ground, opts: { label: 'Car', grid, ground, sensor } };
}

describe('fitCuboid on far cars hit by one beam of a 32-beam scanner', () => {
  // 50–60 m away, with no ground return anywhere near (the beams below reach the road at 43 m and
  // 88 m), a car is a flat line of 10–12 returns 0.4–0.8 m above the road. The ground model took
  // that line for the road: the click found no point above the ground and gave no box at all.
  for (const [k, index] of [
    [3, 0],
    [6, 12],
  ] as const) {
    it(`frame ${k}, car ${index}: a box where the car is, its bottom on the road`, () => {
      const { f, ground, opts } = frame(k);
      const box = f.boxes[index];
      const range = Math.hypot(box.center[0], box.center[1]);
      expect(range).toBeGreaterThan(50);
      expect(new Set(Array.from(f.objectPoints[index], (i) => f.ring![i])).size).toBe(1);
      const bottom = box.center[2] - box.size[2] / 2;
      expect(Math.abs(groundHeightAt(ground, box.center[0], box.center[1]) - bottom)).toBeLessThan(0.15);
      const fit = fitCuboid(f.positions, { x: box.center[0], y: box.center[1], z: box.center[2] }, opts);
      expect(fit).not.toBeNull();
      expect(iouBev(fit!, box)).toBeGreaterThan(0.7);
      expect(iou3d(fit!, box)).toBeGreaterThan(0.6);
    }, 30_000);
  }
});
