import { describe, expect, it } from 'vitest';
import { MergedCloud } from '../../../src/io/mergedClouds.ts';

const batch = (start: number, n: number) => ({
  start,
  positions: new Float32Array(n * 3).map((_, i) => start * 3 + i),
  time: new Float32Array(n).map((_, i) => start + i),
});

describe('MergedCloud (the merged points on the main thread)', () => {
  it('keeps the batches as they came, keeps only the new points of an overlapping one, and reads across them', () => {
    const c = new MergedCloud('merged:a:1:100');
    const first = batch(0, 4);
    c.append(first);
    expect(c.segments[0].positions).toBe(first.positions);
    c.append(batch(2, 5));
    c.append(batch(3, 2));
    expect(c.received).toBe(7);
    expect(c.segments.map((s) => [s.start, s.time.length])).toEqual([
      [0, 4],
      [4, 3],
    ]);
    const { positions, time } = c.slice(2, 4);
    expect(Array.from(time)).toEqual([2, 3, 4, 5]);
    expect(Array.from(positions)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  it('refuses a batch that leaves a gap, naming both offsets', () => {
    const c = new MergedCloud('merged:a:1:100');
    c.append(batch(0, 3));
    expect(() => c.append(batch(5, 2))).toThrow(/merged:a:1:100.*point 5.*3 points received/);
    expect(c.received).toBe(3);
  });
});
