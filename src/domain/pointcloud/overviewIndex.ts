/**
 * An index order whose every prefix is an even sample of the points: stride `k` interleaved
 * (0, k, 2k, …, 1, 1+k, …). Drawing the first `budget` indices shows a uniformly decimated cloud,
 * so a 5M-point scan stays interactive with one draw call and no copy of the positions.
 */
export function overviewIndex(count: number, budget: number): Uint32Array {
  const index = new Uint32Array(count);
  const stride = Math.max(1, Math.ceil(count / Math.max(1, budget)));
  let j = 0;
  for (let offset = 0; offset < stride; offset++) {
    for (let i = offset; i < count; i += stride) index[j++] = i;
  }
  return index;
}
