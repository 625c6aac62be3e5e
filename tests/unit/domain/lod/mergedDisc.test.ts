import { describe, expect, it } from 'vitest';
import { evenSample, keepInDisc } from '../../../../src/domain/lod/mergeSweeps.ts';

describe('keepInDisc (the detail of a merged view zoomed in past its budget)', () => {
  it('keeps the points within the radius of the centre (BEV), in order, moved down in place', () => {
    // Points 0–1 stay as they are; of 2–5, those within 2 m of (10, 0) whatever their height.
    const positions = Float32Array.from([0, 0, 0, 1, 1, 1, 10, 1.9, 5, 13, 0, 0, 9, -1, -3, 10, 0, 0]);
    const time = Float32Array.from([0, 0, 1, 2, 3, 4]);
    const end = keepInDisc(positions, time, 2, 6, { x: 10, y: 0, radius: 2 });
    expect(end).toBe(5);
    expect(positions.subarray(0, end * 3)).toEqual(Float32Array.from([0, 0, 0, 1, 1, 1, 10, 1.9, 5, 9, -1, -3, 10, 0, 0]));
    expect(Array.from(time.subarray(0, end))).toEqual([0, 0, 1, 3, 4]);
  });
});

describe('evenSample', () => {
  it('takes every index when they fit, else that many spread evenly from the first', () => {
    expect(Array.from(evenSample(3, 5))).toEqual([0, 1, 2]);
    expect(Array.from(evenSample(10, 4))).toEqual([0, 2, 5, 7]);
  });
});
