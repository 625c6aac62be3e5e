import { describe, expect, it } from 'vitest';
import { clipConvexPolygon, convexHull, polygonArea, signedPolygonArea } from '../../../../src/domain/geometry/polygon2d.ts';
import type { Point2 } from '../../../../src/domain/geometry/polygon2d.ts';
import { makeRandom } from './testRandom.ts';

const square = (x0: number, y0: number, s: number): Point2[] => [
  [x0, y0],
  [x0 + s, y0],
  [x0 + s, y0 + s],
  [x0, y0 + s],
];

describe('polygonArea', () => {
  it('is positive for CCW, negative signed for CW, 0 below 3 vertices', () => {
    expect(signedPolygonArea(square(0, 0, 2))).toBe(4);
    expect(signedPolygonArea([...square(0, 0, 2)].reverse())).toBe(-4);
    expect(polygonArea([...square(0, 0, 2)].reverse())).toBe(4);
    expect(
      polygonArea([
        [0, 0],
        [1, 1],
      ]),
    ).toBe(0);
    expect(
      polygonArea([
        [0, 0],
        [4, 0],
        [0, 3],
      ]),
    ).toBe(6);
  });
});

describe('clipConvexPolygon', () => {
  it('clips overlapping squares to their common square', () => {
    expect(polygonArea(clipConvexPolygon(square(0, 0, 2), square(1, 1, 2)))).toBeCloseTo(1, 12);
  });

  it('returns the polygon itself for identical polygons (collinear edges)', () => {
    const r = clipConvexPolygon(square(0, 0, 2), square(0, 0, 2));
    expect(polygonArea(r)).toBeCloseTo(4, 12);
    expect(signedPolygonArea(r)).toBeGreaterThan(0);
  });

  it('gives zero area for polygons that touch along an edge or at a corner', () => {
    expect(polygonArea(clipConvexPolygon(square(0, 0, 2), square(2, 0, 2)))).toBe(0);
    expect(polygonArea(clipConvexPolygon(square(0, 0, 2), square(2, 2, 2)))).toBe(0);
  });

  it('returns an empty polygon for disjoint polygons', () => {
    expect(clipConvexPolygon(square(0, 0, 1), square(5, 5, 1))).toEqual([]);
  });

  it('keeps a nested polygon whole, whichever is the subject', () => {
    expect(polygonArea(clipConvexPolygon(square(1, 1, 1), square(0, 0, 4)))).toBeCloseTo(1, 12);
    expect(polygonArea(clipConvexPolygon(square(0, 0, 4), square(1, 1, 1)))).toBeCloseTo(1, 12);
  });

  it('is symmetric in area on random convex polygons', () => {
    const rnd = makeRandom(3);
    for (let t = 0; t < 50; t++) {
      const a = convexHull(Array.from({ length: 8 }, () => [rnd() * 4, rnd() * 4] as Point2));
      const b = convexHull(Array.from({ length: 8 }, () => [rnd() * 4 + 1, rnd() * 4] as Point2));
      const ab = polygonArea(clipConvexPolygon(a, b));
      const ba = polygonArea(clipConvexPolygon(b, a));
      expect(ab).toBeCloseTo(ba, 9);
      expect(ab).toBeLessThanOrEqual(Math.min(polygonArea(a), polygonArea(b)) + 1e-9);
    }
  });
});

describe('convexHull', () => {
  it('returns the CCW hull without interior or collinear points', () => {
    const pts: Point2[] = [
      [0, 0],
      [2, 0],
      [1, 0],
      [2, 2],
      [0, 2],
      [1, 1],
      [0, 1],
      [1, 2],
      [0.5, 0.5],
    ];
    const h = convexHull(pts);
    expect(h).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
  });

  it('handles duplicates, collinear sets and non-finite points', () => {
    expect(
      convexHull([
        [1, 1],
        [1, 1],
        [1, 1],
      ]),
    ).toEqual([[1, 1]]);
    expect(
      convexHull([
        [0, 0],
        [1, 1],
        [2, 2],
        [NaN, 3],
      ]),
    ).toEqual([
      [0, 0],
      [2, 2],
    ]);
    expect(convexHull([])).toEqual([]);
  });

  it('contains every input point', () => {
    const rnd = makeRandom(8);
    const pts = Array.from({ length: 300 }, () => [rnd() * 10 - 5, rnd() * 3] as Point2);
    const h = convexHull(pts);
    for (const p of pts) {
      for (let i = 0; i < h.length; i++) {
        const a = h[i];
        const b = h[(i + 1) % h.length];
        expect((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])).toBeGreaterThanOrEqual(-1e-12);
      }
    }
  });
});
