import { describe, expect, it } from 'vitest';
import { hiddenMask } from '../../../../src/domain/geometry/hiddenMask.ts';
import { groundMask } from '../../../../src/domain/geometry/groundMask.ts';
import { estimateGround } from '../../../../src/domain/geometry/estimateGround.ts';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';

/** A flat road at z = −1.7 m around the sensor (0.5 m spacing out to 30 m), with `extra` points on top. */
function road(extra: number[][]): Float32Array {
  const pts: number[] = [];
  for (let x = -30; x <= 30; x += 0.5) for (let y = -30; y <= 30; y += 0.5) pts.push(x, y, -1.7);
  for (const p of extra) pts.push(...p);
  return new Float32Array(pts);
}

describe('hiddenMask (the close-ups’ ground and hidden-box filters)', () => {
  const car: CuboidShape = { center: [10, 0, -0.9], size: [4.5, 1.9, 1.6], yaw: 0 };
  const bike: CuboidShape = { center: [10, 0, -0.8], size: [1.8, 0.6, 1.7], yaw: 0 };

  it('is null when neither filter is on', () => {
    expect(hiddenMask(road([]), {})).toBeNull();
    expect(hiddenMask(road([]), { boxes: [car], hidden: [false] })).toBeNull();
  });

  it('hides the ground points as groundMask does, and the points of a hidden box but not those a shown smaller box inside it takes', () => {
    const all = road([
      [11.5, 0.7, -0.9], // the car's only
      [10, 0, -0.9], // in the car and in the bike (the smaller box: the bike's)
      [20, 5, 0.5], // in no box, above the road
      [NaN, 0, 0],
    ]);
    const n = all.length / 3;
    const ground = estimateGround(all);
    const onlyGround = hiddenMask(all, { ground })!;
    expect(Array.from(onlyGround)).toEqual(Array.from(groundMask(all, ground)));
    expect(onlyGround[n - 4] + onlyGround[n - 3] + onlyGround[n - 2] + onlyGround[n - 1]).toBe(0);
    expect(onlyGround[0]).toBe(1);

    const carHidden = hiddenMask(all, { boxes: [car, bike], hidden: [true, false] })!;
    expect(Array.from(carHidden.subarray(n - 4))).toEqual([1, 0, 0, 0]);
    expect(carHidden[0]).toBe(0);

    const both = hiddenMask(all, { ground, boxes: [car, bike], hidden: [true, true] })!;
    expect(Array.from(both.subarray(n - 4))).toEqual([1, 1, 0, 0]);
    expect(both[0]).toBe(1);
  });

  it('names the mismatch when the hidden flags do not match the boxes', () => {
    expect(() => hiddenMask(road([]), { boxes: [car, bike], hidden: [true] })).toThrow(/hiddenMask: 1 hidden flags for 2 boxes/);
  });
});
