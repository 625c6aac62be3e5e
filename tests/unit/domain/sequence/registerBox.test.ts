import { describe, expect, it } from 'vitest';
import { registerBox } from '../../../../src/domain/sequence/registerBox.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { estimateGround } from '../../../../src/domain/geometry/estimateGround.ts';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';
import { carOnGround, groundPoints, visibleFacePoints } from '../geometry/syntheticScene.ts';

function cloud(boxes: CuboidShape[], seed: number) {
  const positions = new Float32Array([
    ...groundPoints(boxes, { extent: 25, groundStep: 0.4 }),
    ...boxes.flatMap((b, i) => visibleFacePoints(b, { seed: seed + i })),
  ]);
  return { positions, grid: buildPointGrid(positions), ground: estimateGround(positions) };
}

/**
 * A car parallel to the sensor's path, as a spinning sensor samples it: the points of its long
 * side sit at the same sensor-frame x in every frame (multiples of 10 cm), only its ends move.
 */
function sideViewCar(cx: number): Float32Array {
  const pts: number[] = [];
  for (let x = -25; x <= 25; x += 0.4) for (let y = -10; y <= 10; y += 0.4) if (!(Math.abs(x - cx) < 2 && y > 3 && y < 5)) pts.push(x, y, -1.73);
  for (let k = Math.ceil((cx - 2) * 10); k <= Math.floor((cx + 2) * 10); k++) for (let z = -1.45; z < -0.3; z += 0.2) pts.push(k / 10, 3.1, z);
  for (let y = 3.1; y <= 4.9; y += 0.1) for (let z = -1.45; z < -0.3; z += 0.2) pts.push(cx - 2, y, z);
  return new Float32Array(pts);
}

describe('registerBox', () => {
  it('follows a car that moved by its points, from a start at the old place', () => {
    const before = carOnGround(14, 5, 0.3, [4.2, 1.8, 1.5]);
    const after = carOnGround(14.7, 4.75, 0.3, [4.2, 1.8, 1.5]);
    const r = registerBox(cloud([before], 1), before, cloud([after], 7), before)!;
    expect(r).not.toBeNull();
    expect(r.box.center[0]).toBeCloseTo(14.7, 1);
    expect(r.box.center[1]).toBeCloseTo(4.75, 1);
    expect(Math.hypot(r.box.center[0] - 14.7, r.box.center[1] - 4.75)).toBeLessThan(0.06);
    expect(r.box.yaw).toBe(0.3);
    expect(r.box.size).toEqual([4.2, 1.8, 1.5]);
    expect(r.box.center[2]).toBeCloseTo(before.center[2], 1);
    expect(r.inliers / r.sourcePoints).toBeGreaterThan(0.8);
    expect(r.rmse).toBeLessThan(0.1);
  });

  it('does not stick where a long side looks the same in both frames (the rear face decides)', () => {
    const box: CuboidShape = { center: [10, 4, -0.98], size: [4, 1.8, 1.5], yaw: 0 };
    const source = { positions: sideViewCar(10) };
    const target = { positions: sideViewCar(9.7) };
    const r = registerBox(source, box, target, box)!;
    expect(Math.abs(r.box.center[0] - 9.7)).toBeLessThan(0.06);
    expect(Math.abs(r.box.center[1] - 4)).toBeLessThan(0.03);
  });

  it('returns null when the box holds too few points or nothing is near the start', () => {
    const car = carOnGround(14, 5, 0, [4.2, 1.8, 1.5]);
    const empty = cloud([], 3);
    expect(registerBox(empty, car, cloud([car], 4), car)).toBeNull();
    expect(registerBox(cloud([car], 5), car, empty, car)).toBeNull();
  });
});
