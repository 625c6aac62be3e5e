/**
 * A 32-hex-digit token (the shape of nuScenes tokens) derived from `text`: four 32-bit FNV-1a
 * hashes of it with different seeds. Deterministic, so the same dataset exports the same tokens;
 * not cryptographic.
 */
export function hashToken(text: string): string {
  let out = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    // One more round mixes the seed's effect into the last characters.
    h = (h ^ (h >>> 15)) >>> 0;
    h = Math.imul(h, 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 12)) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** True for a 32-hex-digit token (lower case), as nuScenes writes them. */
export function isToken(text: string): boolean {
  return /^[0-9a-f]{32}$/.test(text);
}
