/**
 * Keeps the per-point values of the finite points only, in order: the render buffer's order
 * (`toRenderBatch` drops every point with a non-finite x, y or z). `values` holds one entry per
 * point of `positions` (x y z interleaved, file order).
 *
 * @throws Error `finiteOnly: ...` when `values` and `positions` disagree on the point count.
 */
export function finiteOnly<T extends Uint8Array | Uint16Array>(values: T, positions: Float32Array): T {
  const n = Math.floor(positions.length / 3);
  if (values.length !== n) throw new Error(`finiteOnly: ${values.length} values for ${n} points`);
  let finite = 0;
  for (let i = 0, o = 0; i < n; i++, o += 3) {
    if (positions[o] - positions[o] === 0 && positions[o + 1] - positions[o + 1] === 0 && positions[o + 2] - positions[o + 2] === 0) finite++;
  }
  if (finite === n) return values;
  const out = new (values.constructor as new (length: number) => T)(finite);
  for (let i = 0, o = 0, j = 0; i < n; i++, o += 3) {
    if (positions[o] - positions[o] === 0 && positions[o + 1] - positions[o + 1] === 0 && positions[o + 2] - positions[o + 2] === 0) out[j++] = values[i];
  }
  return out;
}
