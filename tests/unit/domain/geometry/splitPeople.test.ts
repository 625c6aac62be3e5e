import { describe, expect, it } from 'vitest';
import { splitPeople } from '../../../../src/domain/geometry/splitPeople.ts';

/** A column of returns 0.4 m wide across y (a person seen from the front), `n` points, centred at (x, y). */
function column(x: number, y: number, n: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(x + 0.02 * (k % 3), y - 0.2 + (0.4 * k) / (n - 1), (k % 7) * 0.25);
  return out;
}

const indicesOf = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, k) => k);

describe('splitPeople', () => {
  it('keeps the person under the click out of a row of people, and leaves one person whole', () => {
    // Three people 0.6 m apart along y, 20 returns each.
    const pos = new Float32Array([...column(10, -0.6, 20), ...column(10, 0, 20), ...column(10, 0.6, 20)]);
    const all = indicesOf(60);
    expect(Array.from(splitPeople(pos, all, 10, 0.6, 0.85))).toEqual(Array.from({ length: 20 }, (_, k) => 40 + k));
    expect(Array.from(splitPeople(pos, all, 10, 0, 0.85))).toEqual(Array.from({ length: 20 }, (_, k) => 20 + k));
    const one = new Float32Array(column(10, 0, 20));
    expect(splitPeople(one, indicesOf(20), 10, 0, 0.85)).toHaveLength(20);
  });

  it('does not split what is long but has no second person in it (parts too close or too small)', () => {
    // A person with a bag held out: 3 returns 0.5 m to the side.
    const pos = new Float32Array([...column(10, 0, 30), 10, 0.7, 1, 10, 0.72, 1.1, 10, 0.74, 0.9]);
    expect(splitPeople(pos, indicesOf(33), 10, 0, 0.85)).toHaveLength(33);
    // One evenly spread 1 m strip: the two halves' middles lie 0.5 m apart, but a strip this even is rare for two people;
    // it is split, and the half under the click is kept.
    const strip: number[] = [];
    for (let k = 0; k <= 50; k++) strip.push(10, -0.5 + k * 0.02, 1);
    const kept = splitPeople(new Float32Array(strip), indicesOf(51), 10, -0.4, 0.85);
    expect(kept.length).toBeLessThan(51);
    expect(kept[0]).toBe(0);
  });
});
