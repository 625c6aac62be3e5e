import { describe, expect, it } from 'vitest';
import {
  closeUpHalfExtent,
  closeUpPadding,
  closeUpScale,
  cropCovers,
  cropMargin,
  toCloseUp,
  topCloseUpToLidar,
} from '../../../../src/domain/geometry/boxCloseUp.ts';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';

const car: CuboidShape = { center: [10, 5, -0.9], size: [4.5, 1.8, 1.5], yaw: Math.PI / 2 };

describe('box close-ups', () => {
  it('top: the heading points up the screen and the box right is screen right', () => {
    // Heading is +y (yaw 90°): a point 2 m ahead is 2 m up; a point to the box's right (+x here) is right.
    const [u1, v1] = toCloseUp(car, 'top', 10, 7, 0);
    expect(u1).toBeCloseTo(0, 9);
    expect(v1).toBeCloseTo(2, 9);
    const [u2, v2] = toCloseUp(car, 'top', 11, 5, 0);
    expect(u2).toBeCloseTo(1, 9);
    expect(v2).toBeCloseTo(0, 9);
  });

  it('side: looking at the left flank, the front is on the left and z is up', () => {
    const [u, v] = toCloseUp(car, 'side', 10, 7, 0.1);
    expect(u).toBeCloseTo(-2, 9);
    expect(v).toBeCloseTo(1, 9);
  });

  it('top-view points map back to the LiDAR frame (round trip)', () => {
    for (const [x, y] of [
      [12, 3],
      [7.5, 9],
    ]) {
      const [u, v] = toCloseUp(car, 'top', x, y, 0);
      const [bx, by] = topCloseUpToLidar(car, u, v);
      expect(bx).toBeCloseTo(x, 9);
      expect(by).toBeCloseTo(y, 9);
    }
  });

  it('fits the padded box into the canvas at one scale', () => {
    expect(closeUpPadding(car.size)).toBeCloseTo(1.575, 9);
    expect(closeUpPadding([0.6, 0.6, 1.7])).toBe(1);
    const [hu, hv] = closeUpHalfExtent(car, 'top');
    expect(hu).toBeCloseTo(0.9 + 1.575, 9);
    expect(hv).toBeCloseTo(2.25 + 1.575, 9);
    const { scale, cx, cy } = closeUpScale(car, 'top', 200, 200);
    expect(scale).toBeCloseTo(200 / (2 * hv), 9);
    expect([cx, cy]).toEqual([100, 100]);
  });

  it('a crop holds the close-ups of a box nudged or turned a little, not one moved away', () => {
    const margin = cropMargin(car.size);
    expect(margin).toBeCloseTo(3.15, 9);
    expect(cropCovers(car, margin, car)).toBe(true);
    expect(cropCovers(car, margin, { ...car, center: [10.5, 5.5, -0.9] })).toBe(true);
    expect(cropCovers(car, margin, { ...car, yaw: car.yaw + 0.3 })).toBe(true);
    expect(cropCovers(car, margin, { ...car, center: [10, 9, -0.9] })).toBe(false);
    expect(cropCovers(car, margin, { ...car, size: [9, 1.8, 1.5] })).toBe(false);
    // With no margin the padding itself is outside the crop.
    expect(cropCovers(car, 0, car)).toBe(false);
  });
});
