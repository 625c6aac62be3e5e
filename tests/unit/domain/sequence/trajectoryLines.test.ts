import { describe, expect, it } from 'vitest';
import { trajectoryLines } from '../../../../src/domain/sequence/trajectoryLines.ts';

const car = (x: number, y = 0, yaw = 0) => ({ center: [x, y, -0.9] as [number, number, number], size: [4, 2, 1.6] as [number, number, number], yaw });

/** Segments (pairs of points) of a flat list. */
const segments = (flat: number[]): number[][][] => {
  const out: number[][][] = [];
  for (let i = 0; i < flat.length; i += 6) out.push([flat.slice(i, i + 3), flat.slice(i + 3, i + 6)]);
  return out;
};

describe('trajectoryLines', () => {
  it('draws a moving track as a path on the ground with chevrons pointing the way it goes', () => {
    const l = trajectoryLines([car(0), car(3), car(6)], 1);
    const path = segments(l.path);
    expect(path).toHaveLength(2);
    // Along the boxes' bottoms (z −1.7), lifted 5 cm.
    expect(path[0][0]).toEqual([0, 0, expect.closeTo(-1.65, 6)]);
    expect(path[1][1][0]).toBeCloseTo(6, 6);
    // 6 m of path: a chevron every 1.5 m, two arms each.
    const arrows = segments(l.arrows);
    expect(arrows).toHaveLength(8);
    for (const [tip, end] of arrows) {
      // Arms go back from the tip (toward −x: the track moves along +x), one to each side.
      expect(end[0]).toBeLessThan(tip[0]);
    }
    expect(Math.sign(arrows[0][1][1])).toBe(-Math.sign(arrows[1][1][1]));
    expect(l.stops).toHaveLength(9);
  });

  it('gives the other frames footprints with a tick to their front, and none for the open frame', () => {
    const l = trajectoryLines([car(0), car(3, 0, Math.PI / 2)], 0);
    const foot = segments(l.footprints);
    // 4 edges and 1 tick of the second box only.
    expect(foot).toHaveLength(5);
    const tick = foot[4];
    expect(tick[0].slice(0, 2)).toEqual([3, 0]);
    // Facing +y: the front edge's middle is 2 m along y.
    expect(tick[1][0]).toBeCloseTo(3, 6);
    expect(tick[1][1]).toBeCloseTo(2, 6);
  });

  it('draws no path or chevron for a parked track, and one chevron for a slow one', () => {
    const parked = trajectoryLines([car(5), car(5.01), car(5)], 2);
    expect(parked.path).toEqual([]);
    expect(parked.arrows).toEqual([]);
    // A person walking 1.4 m/s, ten frames at 10 Hz: steps of 0.14 m, one chevron, pointing along +y.
    const walker = trajectoryLines(Array.from({ length: 10 }, (_, i) => car(0, 0.14 * i)));
    expect(segments(walker.path)).toHaveLength(9);
    const arms = segments(walker.arrows);
    expect(arms).toHaveLength(2);
    for (const [tip, end] of arms) expect(end[1]).toBeLessThan(tip[1]);
    expect(trajectoryLines([car(0), car(0.2)]).arrows).toEqual([]);
  });
});
