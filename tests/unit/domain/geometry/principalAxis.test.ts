import { describe, expect, it } from 'vitest';
import { principalAxis } from '../../../../src/domain/geometry/principalAxis.ts';

describe('principalAxis', () => {
  it('gives the direction of a line and a spread ratio of 0', () => {
    const t = [0, 1, 2, 3, 4];
    const r = principalAxis(
      Float64Array.from(t, (v) => v * Math.cos(1)),
      Float64Array.from(t, (v) => v * Math.sin(1)),
    );
    expect(r.angle).toBeCloseTo(1, 12);
    expect(r.spreadRatio).toBeCloseTo(0, 6);
  });

  it('gives the spread ratio of an axis-aligned 2:1 grid', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = -10; i <= 10; i++)
      for (let j = -10; j <= 10; j++) {
        xs.push(i * 0.2);
        ys.push(j * 0.1);
      }
    const r = principalAxis(Float64Array.from(xs), Float64Array.from(ys));
    expect(r.angle).toBeCloseTo(0, 12);
    expect(r.spreadRatio).toBeCloseTo(0.5, 12);
  });

  it('handles degenerate inputs', () => {
    expect(principalAxis(new Float64Array(0), new Float64Array(0))).toEqual({ angle: 0, spreadRatio: 1 });
    expect(principalAxis(new Float64Array([2, 2]), new Float64Array([3, 3]))).toEqual({ angle: 0, spreadRatio: 1 });
  });
});
