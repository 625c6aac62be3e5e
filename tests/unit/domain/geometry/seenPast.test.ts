import { describe, expect, it } from 'vitest';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { rectangleSides, scoreAxisAssignment } from '../../../../src/domain/geometry/boxForHeading.ts';
import { seenPast } from '../../../../src/domain/geometry/seenPast.ts';

const ORIGIN = [0, 0, 0] as const;

/** A wall across the x axis at x = 20 (y −5…5, z −1…1), a point every 5 cm. */
function wall(): Float32Array {
  const out: number[] = [];
  for (let y = -5; y <= 5; y += 0.05) for (let z = -1; z <= 1; z += 0.25) out.push(20, y, z);
  return Float32Array.from(out);
}

describe('seenPast', () => {
  const grid = buildPointGrid(wall(), { cellSize: 0.5 });
  const q = { halfAngle: 0.005, zLo: -0.5, zHi: 0.5 };

  it('is true in front of a wall the beams reached, at the heights they crossed there', () => {
    expect(seenPast(grid, ORIGIN, { ...q, x: 10, y: 0 })).toBe(true);
    expect(seenPast(grid, ORIGIN, { ...q, x: 10, y: 2 })).toBe(true);
  });

  it('is false behind the wall, beside it, and above what the beams crossed', () => {
    expect(seenPast(grid, ORIGIN, { ...q, x: 25, y: 0 })).toBe(false);
    expect(seenPast(grid, ORIGIN, { ...q, x: 10, y: 8 })).toBe(false);
    // The beams to the wall (z ≤ 1 at 20 m) crossed 10 m at z ≤ 0.5.
    expect(seenPast(grid, ORIGIN, { ...q, x: 10, y: 0, zLo: 0.6, zHi: 2 })).toBe(false);
  });

  it('needs the returns asked for', () => {
    expect(seenPast(grid, ORIGIN, { ...q, x: 10, y: 0, needed: 10_000 })).toBe(false);
  });
});

describe('rectangleSides and scoreAxisAssignment with what the sensor saw through', () => {
  // An L of two 2.4 m legs: an end face along x (y = 0, x 0…2.4) and the start of a side along y
  // (x = 0, y 0…2.4); the sensor far off towards −x −y. A truck's length is along one of them.
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t <= 2.4; t += 0.1) {
    xs.push(t, 0);
    ys.push(0, t);
  }
  const cluster = { xs: Float64Array.from(xs), ys: Float64Array.from(ys), originX: 40, originY: 10, seedX: 1, seedY: 1, sensorX: 0, sensorY: 0 };
  const truck: [number, number, number] = [10, 2.6, 3.2];

  it('cannot tell the legs apart from the points alone', () => {
    const sides = rectangleSides(cluster, 0);
    expect(scoreAxisAssignment(sides, truck, false)).toBeCloseTo(scoreAxisAssignment(sides, truck, true), 6);
  });

  it('puts the length along the leg that runs into the unseen, not the one seen to end', () => {
    // Seen through beyond both ends of the x leg (and before the near end of the y leg); beyond
    // the y leg's far end the sensor saw nothing (a hedge in front).
    const seen = (x: number, y: number): boolean => y - 10 < 2.6;
    const sides = rectangleSides(cluster, 0, seen);
    expect(sides.whole).toEqual([true, false]);
    expect(scoreAxisAssignment(sides, truck, true)).toBeLessThan(scoreAxisAssignment(sides, truck, false) - 1);
  });
});
