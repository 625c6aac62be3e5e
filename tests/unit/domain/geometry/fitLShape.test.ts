import { describe, expect, it } from 'vitest';
import { fitLShape } from '../../../../src/domain/geometry/fitLShape.ts';
import { makeRandom } from './testRandom.ts';

/** Points along two perpendicular legs meeting at the origin, the first leg at `angle`. */
function lPoints(angle: number, a: number, b: number, noise: number, seed: number): [Float64Array, Float64Array] {
  const rnd = makeRandom(seed);
  const xs: number[] = [];
  const ys: number[] = [];
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  for (let t = 0; t <= a; t += 0.05) {
    xs.push(t * c + (rnd() - 0.5) * noise);
    ys.push(t * s + (rnd() - 0.5) * noise);
  }
  for (let t = 0.05; t <= b; t += 0.05) {
    xs.push(-t * s + (rnd() - 0.5) * noise);
    ys.push(t * c + (rnd() - 0.5) * noise);
  }
  return [Float64Array.from(xs), Float64Array.from(ys)];
}

describe('fitLShape', () => {
  it('finds the orientation of an L within half a degree, modulo a quarter turn', () => {
    for (const deg of [0, 10, 33, 45, 61, 89.5, 120, -40]) {
      const [xs, ys] = lPoints((deg * Math.PI) / 180, 4, 1.7, 0.03, deg + 100);
      const got = (fitLShape(xs, ys) * 180) / Math.PI;
      const want = ((deg % 90) + 90) % 90;
      const err = Math.min(Math.abs(got - want), 90 - Math.abs(got - want));
      expect(err).toBeLessThan(0.5);
      expect(got).toBeGreaterThanOrEqual(0);
      expect(got).toBeLessThan(90);
    }
  });

  it('aligns with a single straight face', () => {
    const [xs, ys] = lPoints(0.3, 1.8, 0, 0.01, 5);
    const got = fitLShape(xs, ys);
    expect(Math.min(Math.abs(got - 0.3), Math.abs(got - 0.3 - Math.PI / 2))).toBeLessThan(0.01);
  });

  it('returns 0 for fewer than 2 points', () => {
    expect(fitLShape(new Float64Array([1]), new Float64Array([2]))).toBe(0);
  });
});
