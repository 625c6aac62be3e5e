/**
 * Decodes a `DATA ascii` body (FORMATS.md §1.5) into a PcdTarget by scanning bytes: no string for
 * the body, no split, numbers parsed in place and written straight into the preallocated arrays.
 * Works on one buffer or on chunks of any size; only an unfinished line is carried over.
 */
import type { AttributeArray } from '../types.ts';
import { PcdError, formatCount } from './PcdError.ts';
import type { PcdTarget } from './PcdTarget.ts';
import { POW10, isNanToken, parseAsciiBigInt, scanAsciiNumber, scanValue, tokenText } from './parseAsciiNumber.ts';

const KIND_SKIP = 0;
const KIND_NUMBER = 1;
const KIND_RGB_FLOAT = 2;
const KIND_BIGINT = 3;

type NumberArray = Exclude<AttributeArray, BigInt64Array | BigUint64Array>;

const f32Scratch = new Float32Array(1);
const u32Scratch = new Uint32Array(f32Scratch.buffer);

export class AsciiBodyDecoder {
  private readonly target: PcdTarget;
  private readonly fn: string;
  private readonly fileName?: string;
  private readonly tokensPerLine: number;
  // One entry per field (not per token: COUNT can be large), resolved once.
  private readonly kind: Uint8Array;
  private readonly arrays: (AttributeArray | null)[];
  private readonly counts: Int32Array;
  private readonly stride: Int32Array;
  private readonly offset: Int32Array;
  private readonly names: string[];
  private done = 0;
  private line: number;
  private fileOffset: number;
  private carry = new Uint8Array(256);
  private carryLength = 0;
  private carryOffset = 0;
  private extraLine = 0;

  /**
   * @param firstLine 1-based file line number of the first body line (for messages)
   */
  constructor(target: PcdTarget, firstLine: number, fn: string, fileName?: string) {
    this.target = target;
    this.fn = fn;
    this.fileName = fileName;
    this.line = firstLine;
    this.fileOffset = target.header.bodyOffset;
    const n = target.slots.length;
    this.kind = new Uint8Array(n);
    this.arrays = new Array<AttributeArray | null>(n).fill(null);
    this.counts = new Int32Array(n);
    this.stride = new Int32Array(n);
    this.offset = new Int32Array(n).fill(-1);
    this.names = [];
    let total = 0;
    target.slots.forEach((slot, f) => {
      const { field } = slot;
      total += field.count;
      this.counts[f] = field.count;
      this.names.push(field.name);
      if (slot.pad) return;
      if (slot.axis >= 0) {
        this.kind[f] = KIND_NUMBER;
        this.arrays[f] = target.positions;
        this.stride[f] = 3;
        this.offset[f] = slot.axis;
        return;
      }
      const array = slot.array as AttributeArray;
      const isBig = array instanceof BigInt64Array || array instanceof BigUint64Array;
      this.kind[f] = isBig ? KIND_BIGINT : slot.rgbBits && field.type === 'F' ? KIND_RGB_FLOAT : KIND_NUMBER;
      this.arrays[f] = array;
      this.stride[f] = field.count;
    });
    this.tokensPerLine = total;
    // Every decoded point's coordinates are checked on the way (see decodeLines).
    target.nansCounted = true;
  }

  /** Points fully decoded so far. */
  get pointsDone(): number {
    return this.done;
  }

  /** Decodes every line completed by `bytes[start, bytes.length)`; keeps an unfinished last line. */
  feed(bytes: Uint8Array, start: number): void {
    let p = start;
    const end = bytes.length;
    if (this.carryLength > 0) {
      const lf = bytes.indexOf(10, p);
      const to = lf === -1 ? end : lf + 1;
      this.appendCarry(bytes, p, to);
      this.fileOffset += to - p;
      if (lf === -1) return;
      this.decodeLines(this.carry, 0, this.carryLength, this.carryOffset);
      this.carryLength = 0;
      p = to;
    }
    const stop = this.decodeLines(bytes, p, end, this.fileOffset);
    this.fileOffset += end - p;
    if (stop < end) {
      this.carryOffset = this.fileOffset - (end - stop);
      this.carryLength = 0;
      this.appendCarry(bytes, stop, end);
    }
  }

  /**
   * Decodes a last line without LF, records a warning for data after the declared points,
   * and checks that every declared point arrived.
   * @throws PcdError `truncated` when fewer lines than POINTS were found
   */
  finish(): void {
    if (this.carryLength > 0) {
      this.appendCarry(new Uint8Array([10]), 0, 1);
      this.decodeLines(this.carry, 0, this.carryLength, this.carryOffset);
      this.carryLength = 0;
    }
    const { target } = this;
    if (this.extraLine > 0) {
      target.header.warnings.push(`ignored data after the ${formatCount(target.count)} declared points (from line ${formatCount(this.extraLine)})`);
    }
    if (this.done < target.count) {
      throw new PcdError(this.fn, 'truncated', `truncated ascii body: found ${formatCount(this.done)} of ${formatCount(target.count)} points (body ends at line ${formatCount(this.line)})`, {
        fileName: this.fileName,
        line: this.line,
        expected: target.count,
        actual: this.done,
      });
    }
  }

  private appendCarry(bytes: Uint8Array, from: number, to: number): void {
    const need = this.carryLength + (to - from) + 1;
    if (need > this.carry.length) {
      const grown = new Uint8Array(Math.max(need, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carryLength));
      this.carry = grown;
    }
    this.carry.set(bytes.subarray(from, to), this.carryLength);
    this.carryLength += to - from;
  }

  /**
   * Decodes the LF-terminated lines of `bytes[p, end)`; `base` is the file offset of `bytes[p]`.
   * @returns the start of the first unfinished line (or `end`)
   */
  private decodeLines(bytes: Uint8Array, p: number, end: number, base: number): number {
    const total = this.target.count;
    if (this.done >= total) return this.scanExtra(bytes, p, end);
    // Only whole lines are decoded here: every scan below stops at the last LF at the latest, so
    // no loop needs a bounds check.
    const stop = end > p ? bytes.lastIndexOf(10, end - 1) + 1 : p;
    if (stop <= p) return p;
    const T = this.tokensPerLine;
    const { kind, arrays, counts, stride, offset } = this;
    const positions = this.target.positions;
    const delta = base - p;
    let i = p;
    while (i < stop) {
      if (this.done >= total) return this.scanExtra(bytes, i, end);
      const lineStart = i;
      const point = this.done;
      let t = 0;
      let f = 0;
      let e = 0;
      let nonFinite = false;
      for (;;) {
        let c = bytes[i];
        while (c === 0x20 || (c >= 0x09 && c <= 0x0d && c !== 0x0a)) c = bytes[++i];
        if (c === 0x0a) break;
        const s = i;
        if (t < T && e === counts[f]) {
          f++;
          e = 0;
        }
        const k = t < T ? kind[f] : KIND_SKIP;
        if (k === KIND_SKIP || k === KIND_BIGINT) {
          while (!(c === 0x20 || (c >= 0x09 && c <= 0x0d))) c = bytes[++i];
          if (k === KIND_BIGINT) {
            const v = parseAsciiBigInt(bytes, s, i);
            if (v === null) this.badToken(bytes, s, i, t, f, s + delta);
            (arrays[f] as BigInt64Array)[point * stride[f] + e] = v as bigint;
          }
          if (t < T) e++;
          t++;
          continue;
        }
        // Plain decimals (sign, digits, point, digits) are parsed while finding the token end;
        // anything else (exponent, more than 15 digits, inf, nan, hex, junk) takes scanAsciiNumber.
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
          c = bytes[++i];
          while (c >= 0x30 && c <= 0x39) {
            m = m * 10 + (c - 0x30);
            digits++;
            exp--;
            c = bytes[++i];
          }
        }
        let v: number;
        let plain = true;
        if (digits > 0 && exp >= -22 && m <= 9007199254740991 && (c === 0x20 || (c >= 0x09 && c <= 0x0d))) {
          v = exp === 0 ? m : m / POW10[-exp];
          if (negative) v = -v;
        } else {
          i = scanAsciiNumber(bytes, s, stop);
          v = scanValue[0];
          if (v !== v && !isNanToken(bytes, s, i)) this.badToken(bytes, s, i, t, f, s + delta);
          plain = false;
        }
        if (offset[f] >= 0) {
          const at = point * 3 + offset[f];
          positions[at] = v;
          // Fast-path values are below 2^53, finite as float32 too; others may be nan, inf, or
          // overflow float32 (1e39). x − x is NaN exactly for NaN and ±Infinity.
          if (!plain && positions[at] - positions[at] !== 0) nonFinite = true;
        } else if (k === KIND_NUMBER) {
          (arrays[f] as NumberArray)[point * stride[f] + e] = v;
        } else {
          f32Scratch[0] = v;
          (arrays[f] as Uint32Array)[point * stride[f] + e] = u32Scratch[0];
        }
        e++;
        t++;
      }
      // bytes[i] is the LF ending this line.
      if (t !== 0) {
        if (t !== T) this.badCount(t, lineStart + delta);
        if (nonFinite) this.target.nanCount++;
        this.done++;
      }
      this.line++;
      i++;
    }
    return stop;
  }

  /** After the last point: note the first line holding anything but whitespace. */
  private scanExtra(bytes: Uint8Array, p: number, end: number): number {
    for (let i = p; i < end; i++) {
      const c = bytes[i];
      if (c === 0x0a) {
        this.line++;
        continue;
      }
      if (this.extraLine === 0 && !(c === 0x20 || (c >= 0x09 && c <= 0x0d))) this.extraLine = this.line;
    }
    return end;
  }

  private badToken(bytes: Uint8Array, s: number, e: number, t: number, f: number, fileOffset: number): never {
    const text = tokenText(bytes, s, Math.min(e, s + 40)) + (e - s > 40 ? '…' : '');
    const field = this.names[f];
    throw new PcdError(this.fn, 'bad-ascii-token', `line ${formatCount(this.line)}: token ${t + 1} "${text}" (field ${field}) is not a number`, {
      fileName: this.fileName,
      line: this.line,
      byteOffset: fileOffset,
      field,
      actual: text,
    });
  }

  private fieldList(): string {
    const list = this.names.map((name, f) => (this.counts[f] > 1 ? `${name}×${this.counts[f]}` : name)).join(' ');
    return list.length > 200 ? `${list.slice(0, 200)}…` : list;
  }

  private badCount(t: number, fileOffset: number): never {
    const T = this.tokensPerLine;
    throw new PcdError(this.fn, 'ascii-token-count', `line ${formatCount(this.line)}: ${t} tokens, expected ${T} (${this.fieldList()})`, {
      fileName: this.fileName,
      line: this.line,
      byteOffset: fileOffset,
      expected: T,
      actual: t,
    });
  }
}
