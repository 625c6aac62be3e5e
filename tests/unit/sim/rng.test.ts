import { describe, expect, it } from 'vitest';
import { hash32, hashNormal, hashUnit } from '../../../src/sim/hashNoise.ts';
import { createRng } from '../../../src/sim/rng.ts';

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('keeps values in their ranges', () => {
    const r = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      const k = r.int(3, 5);
      expect([3, 4, 5]).toContain(k);
      const v = r.uniform(-2, 2);
      expect(v >= -2 && v < 2).toBe(true);
    }
  });

  it('gives roughly standard normal values', () => {
    const r = createRng(1);
    const xs = Array.from({ length: 20000 }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRng(1).pick([])).toThrow(/sim\/rng/);
  });
});

describe('hash noise', () => {
  it('depends only on its keys', () => {
    expect(hash32(1, 2, 3, 4)).toBe(hash32(1, 2, 3, 4));
    expect(hash32(1, 2, 3, 4)).not.toBe(hash32(1, 2, 3, 5));
    expect(hashUnit(9, 8)).toBe(hashUnit(9, 8, 0, 0));
  });

  it('is spread evenly over [0, 1) and normal values have unit variance', () => {
    const bins = new Array<number>(10).fill(0);
    let sum2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = hashUnit(5, i);
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 10)]++;
      sum2 += hashNormal(5, i) ** 2;
    }
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan(n / 40);
    expect(Math.abs(sum2 / n - 1)).toBeLessThan(0.05);
  });
});
