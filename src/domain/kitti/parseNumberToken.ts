/** A decimal number as C's strtod reads it from KITTI files: optional sign, digits, point, exponent. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses one whitespace-free token as a finite decimal number, or returns `null` when the token is
 * not one (empty, hex, `NaN`, `Infinity`, trailing garbage, overflow).
 */
export function parseNumberToken(token: string): number | null {
  if (!DECIMAL.test(token)) return null;
  const value = Number(token);
  return Number.isFinite(value) ? value : null;
}
