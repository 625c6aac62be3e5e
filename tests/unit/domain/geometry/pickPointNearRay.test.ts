import { describe, expect, it } from 'vitest';
import { pickPointNearRay } from '../../../../src/domain/geometry/pickPointNearRay.ts';

describe('pickPointNearRay', () => {
  const positions = new Float32Array([
    10,
    0,
    0, // on the x axis, 10 m
    20,
    0,
    0, // behind it on the same ray
    10,
    3,
    0, // far off the ray
    NaN,
    NaN,
    NaN, // invalid return
    -5,
    0,
    0, // behind the camera
  ]);

  it('returns the nearest point along the ray', () => {
    expect(pickPointNearRay(positions, [0, 0, 0], [1, 0, 0])).toBe(0);
  });

  it('accepts points within the cone and rejects the rest', () => {
    expect(pickPointNearRay(positions, [0, 0, 0], [10, 3, 0])).toBe(2);
    expect(pickPointNearRay(positions, [0, 0, 0], [0, 1, 0])).toBe(-1);
  });

  it('ignores points behind the origin and NaN points', () => {
    // Looking along -x from x = 15: the point at x = 20 is behind the camera, the one at 10 is first.
    expect(pickPointNearRay(positions, [15, 0, 0], [-1, 0, 0])).toBe(0);
    expect(pickPointNearRay(positions, [-10, 0, 0], [-1, 0, 0])).toBe(-1);
  });

  it('returns -1 for a zero direction', () => {
    expect(pickPointNearRay(positions, [0, 0, 0], [0, 0, 0])).toBe(-1);
  });
});
