/**
 * Order-independent noise: a value that depends only on its integer keys (seed, frame, ray, ...).
 * The ray caster visits rays primitive by primitive, so per-ray randomness must not depend on a
 * stream position; hashing the keys keeps results identical whatever the loop order.
 */

/** Mixes up to four unsigned 32-bit keys into one 32-bit hash (murmur3-style finaliser). */
export function hash32(a: number, b: number, c = 0, d = 0): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ Math.imul(c, 0x27d4eb2f), 0x165667b1);
  h = Math.imul(h ^ (h >>> 15) ^ Math.imul(d, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform in [0, 1) from integer keys. */
export function hashUnit(a: number, b: number, c = 0, d = 0): number {
  return hash32(a, b, c, d) / 4294967296;
}

/** Standard normal from integer keys (Box–Muller over two derived hashes). */
export function hashNormal(a: number, b: number, c = 0, d = 0): number {
  const u = 1 - hashUnit(a, b, c, d ^ 0x51ed270b);
  const v = hashUnit(a, b, c, d ^ 0x2545f491);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
