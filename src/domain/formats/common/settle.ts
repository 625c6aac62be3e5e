/**
 * The written values of a box that read back to themselves. A format writes a box as rounded
 * numbers (`encode`), and reads them back (`decode`) through its own conventions (a quaternion, a
 * camera frame, a global frame): the box read back can differ from the written one by a rounding
 * step, and writing it again could then round the other way. `settle` writes, reads back and
 * writes again until the written values repeat (at most `maxRounds`), so that export → import →
 * export gives the same bytes. Each round moves the box by less than one rounding step.
 *
 * @returns the settled values, or the last ones when they did not repeat within `maxRounds`
 *   (`settled` false; never seen with 6+ decimals).
 */
export function settle<B>(box: B, encode: (b: B) => number[], decode: (v: number[]) => B, maxRounds = 6): { values: number[]; settled: boolean } {
  let values = encode(box);
  for (let round = 0; round < maxRounds; round++) {
    const again = encode(decode(values));
    if (sameValues(again, values)) return { values, settled: true };
    values = again;
  }
  return { values, settled: false };
}

function sameValues(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
