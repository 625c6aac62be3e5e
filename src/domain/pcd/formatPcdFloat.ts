/**
 * Formats a float for an ascii PCD body. Without `precision` the text is the shortest that reads
 * back to exactly the same float32 (or float64) value, so write → parse round trips are exact;
 * with `precision`, that many significant digits (PCL writes 8). Non-finite values are written
 * `nan`, `inf`, `-inf` (what strtod and our reader accept).
 * @param v the value
 * @param float32 true when the field is F4 (shortest text for float32 needs at most 9 digits)
 * @param precision significant digits, 1 … 17
 */
export function formatPcdFloat(v: number, float32: boolean, precision?: number): string {
  if (v !== v) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  if (precision !== undefined) return String(Number(v.toPrecision(precision)));
  if (!float32) return String(v);
  for (let p = 1; p < 9; p++) {
    const text = v.toPrecision(p);
    if (Math.fround(Number(text)) === v) return String(Number(text));
  }
  return String(Number(v.toPrecision(9)));
}
