import { describe, expect, it } from 'vitest';
import { searchShift } from '../../../../src/domain/sequence/searchShift.ts';

function lShape(dx: number, dy: number): Float64Array {
  const pts: number[] = [];
  for (let t = 0; t <= 4; t += 0.1) pts.push(10 + t + dx, 3 + dy, 0);
  for (let t = 0.1; t <= 1.8; t += 0.1) pts.push(10 + dx, 3 + t + dy, 0);
  return Float64Array.from(pts);
}

describe('searchShift', () => {
  it('finds the shift that lays an L shape onto its moved copy, to the grid step', () => {
    const source = lShape(0, 0);
    const r = searchShift(source, lShape(0.7, -0.4), { window: 1.5 });
    expect(r.dx).toBeCloseTo(0.7, 9);
    expect(r.dy).toBeCloseTo(-0.4, 9);
    expect(r.score).toBeGreaterThan(0.9 * (source.length / 3));
  });

  it('keeps the smallest shift along a straight side, where every shift fits alike', () => {
    const line = (x0: number) => Float64Array.from(Array.from({ length: 200 }, (_, k) => [x0 + k * 0.1, 5.2, 0]).flat());
    const r = searchShift(line(0).subarray(0, 120), line(-3), { window: 1 });
    expect(r.dx).toBeCloseTo(0, 9);
    expect(r.dy).toBeCloseTo(0, 9);
  });

  it('prefers staying over jumping to a neighbour when the shift cost is high enough', () => {
    const blob = (x: number) => Float64Array.from([x, 0, 0, x + 0.1, 0, 0, x, 0.1, 0]);
    const target = Float64Array.from([...blob(0.05), ...blob(0.8), ...blob(0.9)]);
    expect(searchShift(blob(0), target, { window: 1, shiftCost: 0 }).dx).toBeCloseTo(0.8, 9);
    expect(searchShift(blob(0), target, { window: 1, shiftCost: 1 }).dx).toBeCloseTo(0, 9);
  });

  it('returns no shift for empty inputs', () => {
    expect(searchShift(new Float64Array(0), lShape(0, 0), { window: 1 })).toEqual({ dx: 0, dy: 0, score: 0 });
    expect(searchShift(lShape(0, 0), new Float64Array(0), { window: 1 })).toEqual({ dx: 0, dy: 0, score: 0 });
  });
});
