/**
 * Number parsing straight from bytes for ascii PCD bodies, without building strings.
 * The fast path handles plain decimals with up to 15 significant digits and a decimal exponent
 * within ±22: the result is then `digits × 10^e` or `digits / 10^e` with both operands exact, i.e. a
 * single correctly rounded operation, identical to `Number(token)`. Anything else (more digits,
 * hex, inf) goes through `Number()` on the decoded token.
 */

/** Exact powers of ten representable as doubles. */
export const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Parses the token `bytes[start, end)` (no separators inside, non-empty).
 * @returns the value; NaN both for `nan` tokens and for text that is not a number
 *   (tell them apart with `isNanToken`)
 */
export function parseAsciiNumber(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let c = bytes[i];
  let negative = false;
  if (c === 0x2d) {
    negative = true;
    i++;
  } else if (c === 0x2b) {
    i++;
  }
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let exponent = 0;
  while (i < end) {
    const d = bytes[i] - 0x30;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    if (mantissa !== 0) significant++;
    digits++;
    i++;
  }
  if (i < end && bytes[i] === 0x2e) {
    i++;
    while (i < end) {
      const d = bytes[i] - 0x30;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      if (mantissa !== 0) significant++;
      digits++;
      exponent--;
      i++;
    }
  }
  if (digits === 0) return parseSlow(bytes, start, end);
  if (i < end && (bytes[i] | 0x20) === 0x65) {
    i++;
    let expNegative = false;
    if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) {
      expNegative = bytes[i] === 0x2d;
      i++;
    }
    let e = 0;
    const expStart = i;
    while (i < end && e < 10000) {
      const d = bytes[i] - 0x30;
      if (d < 0 || d > 9) break;
      e = e * 10 + d;
      i++;
    }
    if (i === expStart) return NaN;
    exponent += expNegative ? -e : e;
  }
  if (i !== end || significant > 15) return parseSlow(bytes, start, end);
  let value: number;
  if (exponent === 0) value = mantissa;
  else if (exponent > 0 && exponent <= 22) value = mantissa * POW10[exponent];
  else if (exponent < 0 && exponent >= -22) value = mantissa / POW10[-exponent];
  else return parseSlow(bytes, start, end);
  return negative ? -value : value;
}

/**
 * The value of four ASCII digits packed little-endian in `w` (first digit in the low byte), or -1
 * when any of the four bytes is not a digit. Parsing four digits with a few integer operations
 * instead of four loop turns makes the ascii decoder about 15% faster.
 */
export function fourDigits(w: number): number {
  // A byte is a digit when its high nibble is 3 and stays 3 after adding 6 (low nibble ≤ 9). A
  // carry out of a lower byte only comes from a byte that already failed.
  if (((w & 0xf0f0f0f0) | (((w + 0x06060606) & 0xf0f0f0f0) >>> 4)) >>> 0 !== 0x33333333) return -1;
  const d = w - 0x30303030;
  // Byte 0 becomes d0·10 + d1 and byte 2 becomes d2·10 + d3; the other bytes are masked off.
  const pairs = (d * 10 + (d >>> 8)) & 0x00ff00ff;
  return (pairs & 0xffff) * 100 + (pairs >>> 16);
}

/**
 * The value parsed by the last `scanAsciiNumber` call. A scratch array rather than a return
 * value: V8 boxes doubles returned from calls it does not inline, one allocation per token.
 */
export const scanValue = new Float64Array(1);

function isSeparator(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * Parses the token starting at `bytes[start]` (not a separator) in the same pass that finds its
 * end. Same value as `parseAsciiNumber` on that token, stored in `scanValue[0]`.
 * @returns where the token stops: the separator after it (space, TAB … CR), or `end`
 */
export function scanAsciiNumber(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let c = bytes[i];
  let negative = false;
  if (c === 0x2d || c === 0x2b) {
    negative = c === 0x2d;
    c = bytes[++i];
  }
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  while (i < end) {
    c = bytes[i];
    if (c < 0x30 || c > 0x39) break;
    mantissa = mantissa * 10 + (c - 0x30);
    digits++;
    i++;
  }
  if (i < end && c === 0x2e) {
    i++;
    while (i < end) {
      c = bytes[i];
      if (c < 0x30 || c > 0x39) break;
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      exponent--;
      i++;
    }
  }
  if (i < end && (c | 0x20) === 0x65 && digits > 0) {
    c = bytes[++i];
    let expNegative = false;
    if (c === 0x2d || c === 0x2b) {
      expNegative = c === 0x2d;
      c = bytes[++i];
    }
    let e = 0;
    const expStart = i;
    while (i < end && e < 10000) {
      c = bytes[i];
      if (c < 0x30 || c > 0x39) break;
      e = e * 10 + (c - 0x30);
      i++;
    }
    if (i === expStart) return scanSlow(bytes, start, end);
    exponent += expNegative ? -e : e;
  }
  if ((i < end && !isSeparator(c)) || digits === 0 || mantissa > 9007199254740991) return scanSlow(bytes, start, end);
  let value: number;
  if (exponent === 0) value = mantissa;
  else if (exponent > 0 && exponent <= 22) value = mantissa * POW10[exponent];
  else if (exponent < 0 && exponent >= -22) value = mantissa / POW10[-exponent];
  else return scanSlow(bytes, start, end);
  scanValue[0] = negative ? -value : value;
  return i;
}

function scanSlow(bytes: Uint8Array, start: number, end: number): number {
  let j = start;
  while (j < end && !isSeparator(bytes[j])) j++;
  scanValue[0] = parseAsciiNumber(bytes, start, j);
  return j;
}

/** True when the token is `nan` in any case, optionally signed (what C's strtod accepts). */
export function isNanToken(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (bytes[i] === 0x2d || bytes[i] === 0x2b) i++;
  return end - i === 3 && (bytes[i] | 0x20) === 0x6e && (bytes[i + 1] | 0x20) === 0x61 && (bytes[i + 2] | 0x20) === 0x6e;
}

/** Decodes a token as Latin-1 text (for messages and the slow path). */
export function tokenText(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function parseSlow(bytes: Uint8Array, start: number, end: number): number {
  if (end - start > 400) return NaN;
  const text = tokenText(bytes, start, end);
  const lower = text.toLowerCase();
  const unsigned = lower[0] === '-' || lower[0] === '+' ? lower.slice(1) : lower;
  if (unsigned === 'inf' || unsigned === 'infinity') return lower[0] === '-' ? -Infinity : Infinity;
  if (unsigned === 'nan') return NaN;
  return Number(text);
}

/**
 * Parses an integer token for 64-bit fields (I8/U8) exactly. Decimal tokens with a fraction or
 * an exponent are truncated toward zero; `nan` gives 0 (as PCL stores for integer fields).
 * @returns the value, or null when the token is not a number
 */
export function parseAsciiBigInt(bytes: Uint8Array, start: number, end: number): bigint | null {
  const text = tokenText(bytes, start, end);
  if (/^[+-]?\d{1,40}$/.test(text)) return BigInt(text);
  const n = parseAsciiNumber(bytes, start, end);
  if (Number.isFinite(n)) return BigInt(Math.trunc(n));
  if (n !== n && isNanToken(bytes, start, end)) return 0n;
  return null;
}
