/**
 * Formats a finite number like C's `printf("%.*f", digits, value)`: the exact binary value rounded
 * to `digits` decimals, exact ties to even (JS `toFixed` rounds them away from zero, so
 * `0.125` would give `0.13` where C gives `0.12`). Unlike C, a result that rounds to zero is never
 * written with a minus sign (`-0.001` → `0.00`, `-0` → `0.00`). Like C, never exponent notation
 * (`1e300` gives all 301 digits).
 */
export function formatFixed(value: number, digits: number): string {
  const scale = 10 ** digits;
  // A tie at `digits` decimals is exactly representable only as an odd multiple of 2^-(digits+1).
  const t = value * 2 ** (digits + 1);
  let text: string;
  if (Number.isInteger(t) && Math.abs(t) % 2 === 1 && Math.abs(t) * 5 ** digits < 2 ** 52) {
    const twice = t * 5 ** digits; // = 2·value·10^digits, an odd integer
    const low = (twice - 1) / 2;
    const n = low % 2 === 0 ? low : low + 1;
    const abs = Math.abs(n);
    const int = Math.floor(abs / scale);
    const frac = String(abs - int * scale).padStart(digits, '0');
    text = (n < 0 ? '-' : '') + String(int) + (digits > 0 ? `.${frac}` : '');
  } else if (Math.abs(value) >= 1e21) {
    // toFixed switches to exponent notation here ("1e+300"); C's %f never does. Such a double is
    // an integer, so its exact decimal digits come from BigInt.
    text = `${BigInt(value).toString()}${digits > 0 ? `.${'0'.repeat(digits)}` : ''}`;
  } else {
    text = value.toFixed(digits);
  }
  return /^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * Formats a finite number like C's `printf("%.12e", value)` (mantissa with 12 decimals, exponent
 * with a sign and at least two digits), e.g. `7.070493000000e+02`. Zero is written `0.000000000000e+00`.
 */
export function formatExp12(value: number): string {
  const text = (value === 0 ? 0 : value).toExponential(12);
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}
