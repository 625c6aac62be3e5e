import { describe, expect, it } from 'vitest';
import { countNonFinite, pointBounds } from '../../../../src/domain/geometry/pointBounds.ts';

describe('pointBounds', () => {
  it('returns the min and max of the finite points only', () => {
    const pos = new Float32Array([1, 2, 3, NaN, 100, 100, -1, 5, 0, 7, Infinity, -9, 0.5, -4, 2]);
    expect(pointBounds(pos)).toEqual({ min: [-1, -4, 0], max: [1, 5, 3] });
  });

  it('honours count and returns null when no point is finite', () => {
    const pos = new Float32Array([1, 1, 1, 9, 9, 9]);
    expect(pointBounds(pos, 1)).toEqual({ min: [1, 1, 1], max: [1, 1, 1] });
    expect(pointBounds(new Float32Array([NaN, NaN, NaN]))).toBeNull();
    expect(pointBounds(new Float32Array(0))).toBeNull();
    expect(pointBounds(pos, 0)).toBeNull();
  });
});

describe('countNonFinite', () => {
  it('counts points with any NaN or infinite coordinate', () => {
    const pos = new Float32Array([0, 0, 0, NaN, 0, 0, 0, -Infinity, 0, 0, 0, NaN, 1, 2, 3]);
    expect(countNonFinite(pos)).toBe(3);
    expect(countNonFinite(pos, 2)).toBe(1);
  });
});
