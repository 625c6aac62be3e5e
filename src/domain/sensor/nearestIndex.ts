/** Index of the value of ascending `values` nearest to `v` (binary search). */
export function nearestIndex(values: Float64Array, v: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= v) lo = mid;
    else hi = mid;
  }
  return Math.abs(values[lo] - v) <= Math.abs(values[hi] - v) ? lo : hi;
}
