import { describe, expect, it } from 'vitest';
import { fitsInRectangle } from '../../../../src/domain/geometry/fitsInRectangle.ts';
import { convexHull } from '../../../../src/domain/geometry/polygon2d.ts';
import type { Point2 } from '../../../../src/domain/geometry/polygon2d.ts';

function rotated(points: Point2[], angle: number): Point2[] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return points.map(([x, y]) => [10 + x * c - y * s, -3 + x * s + y * c]);
}

describe('fitsInRectangle', () => {
  it('fits an L of legs 4.2 and 1.8 in a 4.3 × 1.9 rectangle at any orientation, not in 4.0 × 1.9', () => {
    const l: Point2[] = [];
    for (let t = 0; t <= 4.2; t += 0.1) l.push([t, 0]);
    for (let t = 0; t <= 1.8; t += 0.1) l.push([0, t]);
    for (const a of [0, 0.4, 1.3, 2.9]) {
      const hull = convexHull(rotated(l, a));
      expect(fitsInRectangle(hull, 4.3, 1.9)).toBe(true);
      expect(fitsInRectangle(hull, 4.0, 1.9)).toBe(false);
    }
  });

  it('accepts either side assignment and rejects a long line', () => {
    const hull = convexHull(
      rotated(
        [
          [0, 0],
          [1, 0],
          [1, 3],
          [0, 3],
        ],
        0.7,
      ),
    );
    expect(fitsInRectangle(hull, 3.05, 1.05)).toBe(true);
    expect(
      fitsInRectangle(
        convexHull([
          [0, 0],
          [6, 0.1],
        ]),
        5,
        2,
      ),
    ).toBe(false);
    expect(fitsInRectangle([[1, 1]], 0, 0)).toBe(true);
  });
});
