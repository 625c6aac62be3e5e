/**
 * The hot loop of the ascii body decoder: whole lines of bytes → numbers stored straight into the
 * cloud's arrays. It is a module function that touches only typed arrays and one plan object on
 * purpose: V8 throws away optimized code that checked the map of an object once no object of that
 * map is alive, and a body decoder is garbage after every parse, so a loop reading `this.…` of the
 * decoder started each whole-file parse unoptimized again (~10% slower).
 */
import type { AttributeArray } from '../types.ts';
import { POW10, fourDigits, isNanToken, parseAsciiBigInt, scanAsciiNumber, scanValue } from './parseAsciiNumber.ts';

/** What a field's tokens become. */
export const KIND_SKIP = 0;
export const KIND_NUMBER = 1;
/** A float token stored as the uint32 bits of its float32 (rgb/rgba written as floats). */
export const KIND_RGB_FLOAT = 2;
export const KIND_BIGINT = 3;

/** Indices into `AsciiLinePlan.state`. */
export const S_DONE = 0; // points decoded
export const S_LINE = 1; // 1-based file line of the next line
export const S_NANS = 2; // points with a non-finite coordinate
export const S_FAIL = 3; // FAIL_NONE, FAIL_TOKEN or FAIL_COUNT once decodeAsciiLines returned -1
export const S_AT = 4; // FAIL_TOKEN: token start; FAIL_COUNT: line start (index into bytes)
export const S_TOKEN_END = 5; // FAIL_TOKEN: token end
export const S_TOKEN = 6; // FAIL_TOKEN: 0-based token index; FAIL_COUNT: tokens on the line
export const S_FIELD = 7; // FAIL_TOKEN: field index
export const FAIL_NONE = 0;
export const FAIL_TOKEN = 1;
export const FAIL_COUNT = 2;

type NumberArray = Exclude<AttributeArray, BigInt64Array | BigUint64Array>;

/** Per field (not per token: COUNT can be huge), resolved once per file. */
export interface AsciiLinePlan {
  kind: Uint8Array;
  counts: Int32Array;
  /** Elements per point in the destination array. */
  stride: Int32Array;
  /** 0, 1, 2 for x, y, z (stored into `positions`); -1 otherwise. */
  axis: Int32Array;
  arrays: (AttributeArray | null)[];
  positions: Float32Array;
  tokensPerLine: number;
  points: number;
  /** Counters shared with the caller; see the S_ indices. */
  state: Float64Array;
}

const f32Scratch = new Float32Array(1);
const u32Scratch = new Uint32Array(f32Scratch.buffer);

const isSeparator = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/**
 * Decodes the LF-terminated lines of `bytes[p, end)` until every declared point is in.
 * @returns where decoding stopped: the start of an unfinished last line, or the start of the first
 *   line after the last point (then `state[S_DONE] === points`), or `end`; -1 on a bad token or a
 *   wrong token count, described in `state`
 */
export function decodeAsciiLines(plan: AsciiLinePlan, bytes: Uint8Array, p: number, end: number): number {
  const { kind, counts, stride, axis: axes, arrays, positions, state } = plan;
  const T = plan.tokensPerLine;
  const points = plan.points;
  const F = kind.length;
  // Only whole lines are decoded: every scan below stops at the last LF at the latest, so no loop
  // needs a bounds check.
  const stop = end > p ? bytes.lastIndexOf(10, end - 1) + 1 : p;
  if (stop <= p) return p;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let done = state[S_DONE];
  let line = state[S_LINE];
  let i = p;
  {
    while (i < stop && done < points) {
      const lineStart = i;
      let t = 0;
      let nonFinite = false;
      let c = 0;
      fields: for (let f = 0; f < F; f++) {
        const k = kind[f];
        const axis = axes[f];
        for (let e = 0, n = counts[f]; e < n; e++) {
          c = bytes[i];
          while (c === 0x20 || (c >= 0x09 && c <= 0x0d && c !== 0x0a)) c = bytes[++i];
          if (c === 0x0a) break fields;
          const s = i;
          if (k === KIND_SKIP || k === KIND_BIGINT) {
            while (!isSeparator(c)) c = bytes[++i];
            if (k === KIND_BIGINT) {
              const v = parseAsciiBigInt(bytes, s, i);
              if (v === null) return failToken(state, done, line, s, i, t, f);
              (arrays[f] as BigInt64Array)[done * stride[f] + e] = v;
            }
            t++;
            continue;
          }
          // Plain decimals (sign, digits, point, digits) are parsed while finding the token end;
          // anything else (exponent, > 2^53, inf, nan, hex, junk) takes scanAsciiNumber.
          let negative = false;
          if (c === 0x2d || c === 0x2b) {
            negative = c === 0x2d;
            c = bytes[++i];
          }
          let m = 0;
          let digits = 0;
          let exp = 0;
          while (c >= 0x30 && c <= 0x39) {
            m = m * 10 + (c - 0x30);
            digits++;
            c = bytes[++i];
          }
          if (c === 0x2e) {
            i++;
            // Fractions hold most of a token's digits: take them four at a time while they last.
            for (let q = 0; i + 4 <= stop && (q = fourDigits(view.getUint32(i, true))) >= 0; i += 4) {
              m = m * 10000 + q;
              digits += 4;
              exp -= 4;
            }
            c = bytes[i];
            while (c >= 0x30 && c <= 0x39) {
              m = m * 10 + (c - 0x30);
              digits++;
              exp--;
              c = bytes[++i];
            }
          }
          let v: number;
          let plain = true;
          // digits × 10^exp with both exact (≤ 2^53, |exp| ≤ 22): one correctly rounded division.
          if (digits > 0 && exp >= -22 && m <= 9007199254740991 && isSeparator(c)) {
            v = exp === 0 ? m : m / POW10[-exp];
            if (negative) v = -v;
          } else {
            i = scanAsciiNumber(bytes, s, stop);
            v = scanValue[0];
            if (v !== v && !isNanToken(bytes, s, i)) return failToken(state, done, line, s, i, t, f);
            plain = false;
          }
          if (axis >= 0) {
            const at = done * 3 + axis;
            positions[at] = v;
            // Plain values are below 2^53, so finite as float32 too; others may be nan, inf, or
            // overflow float32 (1e39). x − x is NaN exactly for NaN and ±Infinity.
            if (!plain && positions[at] - positions[at] !== 0) nonFinite = true;
          } else if (k === KIND_NUMBER) {
            (arrays[f] as NumberArray)[done * stride[f] + e] = v;
          } else {
            f32Scratch[0] = v;
            (arrays[f] as Uint32Array)[done * stride[f] + e] = u32Scratch[0];
          }
          t++;
        }
      }
      if (t === T) {
        // Every field is read: anything else before the LF is surplus tokens.
        for (c = bytes[i]; c !== 0x0a; c = bytes[++i]) {
          if (isSeparator(c)) continue;
          t++;
          while (!isSeparator(c)) c = bytes[++i];
          if (c === 0x0a) break;
        }
      }
      // bytes[i] is the LF ending this line; a line of only whitespace is no point.
      if (t !== 0) {
        if (t !== T) return failCount(state, done, line, lineStart, t);
        if (nonFinite) state[S_NANS]++;
        done++;
      }
      line++;
      i++;
    }
    state[S_DONE] = done;
    state[S_LINE] = line;
    return i;
  }
}

function failToken(state: Float64Array, done: number, line: number, start: number, end: number, token: number, field: number): number {
  state[S_DONE] = done;
  state[S_LINE] = line;
  state[S_FAIL] = FAIL_TOKEN;
  state[S_AT] = start;
  state[S_TOKEN_END] = end;
  state[S_TOKEN] = token;
  state[S_FIELD] = field;
  return -1;
}

function failCount(state: Float64Array, done: number, line: number, lineStart: number, tokens: number): number {
  state[S_DONE] = done;
  state[S_LINE] = line;
  state[S_FAIL] = FAIL_COUNT;
  state[S_AT] = lineStart;
  state[S_TOKEN] = tokens;
  return -1;
}
