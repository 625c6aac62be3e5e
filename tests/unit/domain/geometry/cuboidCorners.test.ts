import { describe, expect, it } from 'vitest';
import { bevPolygon, cuboidCorners, fromBoxLocal, toBoxLocal } from '../../../../src/domain/geometry/cuboidCorners.ts';
import { signedPolygonArea } from '../../../../src/domain/geometry/polygon2d.ts';

const box = { center: [10, -2, 0.5] as const, size: [4, 2, 1.5] as const, yaw: 0 };

describe('cuboidCorners', () => {
  it('lists the bottom face then the top face in the documented order at yaw 0', () => {
    const c = cuboidCorners(box);
    expect(c).toHaveLength(8);
    expect(c.slice(0, 4)).toEqual([
      [12, -1, -0.25],
      [8, -1, -0.25],
      [8, -3, -0.25],
      [12, -3, -0.25],
    ]);
    expect(c.slice(4)).toEqual([
      [12, -1, 1.25],
      [8, -1, 1.25],
      [8, -3, 1.25],
      [12, -3, 1.25],
    ]);
  });

  it('rotates counter-clockwise about +z by yaw', () => {
    const c = cuboidCorners({ center: [0, 0, 0], size: [4, 2, 2], yaw: Math.PI / 2 });
    // (+l/2, +w/2) = (2, 1) rotated by 90° is (−1, 2).
    expect(c[0][0]).toBeCloseTo(-1, 12);
    expect(c[0][1]).toBeCloseTo(2, 12);
    expect(c[0][2]).toBe(-1);
    expect(c[3][0]).toBeCloseTo(1, 12);
    expect(c[3][1]).toBeCloseTo(2, 12);
  });

  it('keeps the centre as the mean of the corners for any yaw', () => {
    const b = { center: [3, 4, -1] as const, size: [5, 1, 2] as const, yaw: 0.7 };
    const c = cuboidCorners(b);
    for (let k = 0; k < 3; k++) {
      expect(c.reduce((s, p) => s + p[k], 0) / 8).toBeCloseTo(b.center[k], 12);
    }
  });
});

describe('toBoxLocal / fromBoxLocal', () => {
  it('maps corners to ± half extents', () => {
    const b = { center: [3, 4, -1] as const, size: [5, 1, 2] as const, yaw: -2.1 };
    const c = cuboidCorners(b);
    const l = toBoxLocal(b, c[0][0], c[0][1], c[0][2]);
    expect(l[0]).toBeCloseTo(2.5, 12);
    expect(l[1]).toBeCloseTo(0.5, 12);
    expect(l[2]).toBeCloseTo(-1, 12);
    const l6 = toBoxLocal(b, c[6][0], c[6][1], c[6][2]);
    expect(l6[0]).toBeCloseTo(-2.5, 12);
    expect(l6[1]).toBeCloseTo(-0.5, 12);
    expect(l6[2]).toBeCloseTo(1, 12);
  });

  it('round-trips world → local → world', () => {
    const b = { center: [-7, 1, 2] as const, size: [1, 1, 1] as const, yaw: 1.234 };
    const l = toBoxLocal(b, 0.5, -3, 4);
    const w = fromBoxLocal(b, l[0], l[1], l[2]);
    expect(w[0]).toBeCloseTo(0.5, 12);
    expect(w[1]).toBeCloseTo(-3, 12);
    expect(w[2]).toBeCloseTo(4, 12);
  });
});

describe('bevPolygon', () => {
  it('is the bottom face in x–y, counter-clockwise with area l·w', () => {
    const b = { center: [1, 2, 3] as const, size: [4, 2, 1] as const, yaw: 2.5 };
    const poly = bevPolygon(b);
    const c = cuboidCorners(b);
    for (let i = 0; i < 4; i++) {
      expect(poly[i][0]).toBeCloseTo(c[i][0], 12);
      expect(poly[i][1]).toBeCloseTo(c[i][1], 12);
    }
    expect(signedPolygonArea(poly)).toBeCloseTo(8, 12);
  });
});
