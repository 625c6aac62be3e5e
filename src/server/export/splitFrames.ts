/** 32-bit FNV-1a of a string's UTF-16 code units: a small, stable, platform-free hash. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Splits frame ids into train and val, deterministically: ids are ranked by `fnv1a32(seed + "\0" +
 * id)` (ties by id) and the first `round(n · trainFraction)` go to train. Ranking by a per-id hash
 * means adding a frame moves at most one existing frame across the boundary. With
 * `0 < trainFraction < 1` and at least two frames, both sides get at least one frame. Both lists
 * are returned sorted.
 */
export function splitFrames(ids: readonly string[], trainFraction: number, seed: string): { train: string[]; val: string[] } {
  const n = ids.length;
  let nTrain = Math.round(n * trainFraction);
  if (trainFraction > 0 && trainFraction < 1 && n >= 2) nTrain = Math.min(Math.max(nTrain, 1), n - 1);
  const ranked = ids.map((id) => ({ id, h: fnv1a32(`${seed}\0${id}`) })).sort((a, b) => a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    train: ranked
      .slice(0, nTrain)
      .map((r) => r.id)
      .sort(byId),
    val: ranked
      .slice(nTrain)
      .map((r) => r.id)
      .sort(byId),
  };
}
