/**
 * Seeded pseudo-random numbers for the scene simulator (mulberry32).
 * The simulator never uses Math.random or the clock: the same seed gives the same scene, bit for bit.
 */

/** A seeded stream of pseudo-random numbers; every call advances the stream. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer uniform in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Standard normal (Box–Muller, one value per call). */
  normal(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A new independent stream derived from this one (for sub-builders whose call count may change). */
  fork(): Rng;
}

/**
 * Creates a mulberry32 stream. `seed` is any number; it is folded to an unsigned 32-bit integer.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('sim/rng: pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    fork: () => createRng(Math.floor(next() * 4294967296)),
  };
  return rng;
}
