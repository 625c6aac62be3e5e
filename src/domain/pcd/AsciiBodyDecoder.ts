/**
 * Decodes a `DATA ascii` body (FORMATS.md §1.5) into a PcdTarget by scanning bytes: no string for
 * the body, no split, numbers parsed in place and written straight into the preallocated arrays.
 * Works on one buffer or on chunks of any size; only an unfinished line is carried over.
 */
import type { AttributeArray } from '../types.ts';
import { PcdError, formatCount } from './PcdError.ts';
import type { PcdTarget } from './PcdTarget.ts';
import type { AsciiLinePlan } from './decodeAsciiLines.ts';
import {
  FAIL_NONE,
  FAIL_TOKEN,
  KIND_BIGINT,
  KIND_NUMBER,
  KIND_RGB_FLOAT,
  S_AT,
  S_DONE,
  S_FAIL,
  S_FIELD,
  S_LINE,
  S_NANS,
  S_TOKEN,
  S_TOKEN_END,
  decodeAsciiLines,
} from './decodeAsciiLines.ts';
import { tokenText } from './parseAsciiNumber.ts';

export class AsciiBodyDecoder {
  private readonly target: PcdTarget;
  private readonly fn: string;
  private readonly fileName?: string;
  private readonly plan: AsciiLinePlan;
  private readonly names: string[];
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
    this.fileOffset = target.header.bodyOffset;
    const n = target.slots.length;
    const kind = new Uint8Array(n);
    const arrays = new Array<AttributeArray | null>(n).fill(null);
    const counts = new Int32Array(n);
    const stride = new Int32Array(n);
    const axis = new Int32Array(n).fill(-1);
    this.names = [];
    let total = 0;
    target.slots.forEach((slot, f) => {
      const { field } = slot;
      total += field.count;
      counts[f] = field.count;
      this.names.push(field.name);
      if (slot.pad || slot.skip) return;
      if (slot.axis >= 0) {
        kind[f] = KIND_NUMBER;
        axis[f] = slot.axis;
        return;
      }
      const array = slot.array as AttributeArray;
      const isBig = array instanceof BigInt64Array || array instanceof BigUint64Array;
      kind[f] = isBig ? KIND_BIGINT : slot.rgbBits && field.type === 'F' ? KIND_RGB_FLOAT : KIND_NUMBER;
      arrays[f] = array;
      stride[f] = field.count;
    });
    const state = new Float64Array(8);
    state[S_LINE] = firstLine;
    this.plan = { kind, counts, stride, axis, arrays, positions: target.positions, tokensPerLine: total, points: target.count, state };
    // Every decoded point's coordinates are checked on the way (see decodeAsciiLines).
    target.nansCounted = true;
  }

  /** Points fully decoded so far. */
  get pointsDone(): number {
    return this.plan.state[S_DONE];
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
    const { state } = this.plan;
    target.nanCount = state[S_NANS];
    if (this.extraLine > 0) {
      target.header.warnings.push(`ignored data after the ${formatCount(target.count)} declared points (from line ${formatCount(this.extraLine)})`);
    }
    const done = state[S_DONE];
    if (done < target.count) {
      const line = state[S_LINE];
      throw new PcdError(
        this.fn,
        'truncated',
        `truncated ascii body: found ${formatCount(done)} of ${formatCount(target.count)} points (body ends at line ${formatCount(line)})`,
        {
          fileName: this.fileName,
          line,
          expected: target.count,
          actual: done,
        },
      );
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
    const { plan } = this;
    const { state } = plan;
    if (state[S_DONE] >= plan.points) return this.scanExtra(bytes, p, end);
    const stop = decodeAsciiLines(plan, bytes, p, end);
    if (stop < 0) this.fail(bytes, base - p);
    if (state[S_DONE] >= plan.points) return this.scanExtra(bytes, stop, end);
    return stop;
  }

  /** After the last point: note the first line holding anything but whitespace. */
  private scanExtra(bytes: Uint8Array, p: number, end: number): number {
    const { state } = this.plan;
    for (let i = p; i < end; i++) {
      const c = bytes[i];
      if (c === 0x0a) {
        state[S_LINE]++;
        continue;
      }
      if (this.extraLine === 0 && !(c === 0x20 || (c >= 0x09 && c <= 0x0d))) this.extraLine = state[S_LINE];
    }
    return end;
  }

  /** Throws the error decodeAsciiLines described in its state; `delta` maps bytes indices to file offsets. */
  private fail(bytes: Uint8Array, delta: number): never {
    const { state } = this.plan;
    const line = state[S_LINE];
    const at = state[S_AT];
    const failure = state[S_FAIL];
    state[S_FAIL] = FAIL_NONE;
    if (failure === FAIL_TOKEN) {
      const e = state[S_TOKEN_END];
      const text = tokenText(bytes, at, Math.min(e, at + 40)) + (e - at > 40 ? '…' : '');
      const field = this.names[state[S_FIELD]];
      throw new PcdError(this.fn, 'bad-ascii-token', `line ${formatCount(line)}: token ${state[S_TOKEN] + 1} "${text}" (field ${field}) is not a number`, {
        fileName: this.fileName,
        line,
        byteOffset: at + delta,
        field,
        actual: text,
      });
    }
    const T = this.plan.tokensPerLine;
    const t = state[S_TOKEN];
    throw new PcdError(this.fn, 'ascii-token-count', `line ${formatCount(line)}: ${t} tokens, expected ${T} (${this.fieldList()})`, {
      fileName: this.fileName,
      line,
      byteOffset: at + delta,
      expected: T,
      actual: t,
    });
  }

  private fieldList(): string {
    const { counts } = this.plan;
    const list = this.names.map((name, f) => (counts[f] > 1 ? `${name}×${counts[f]}` : name)).join(' ');
    return list.length > 200 ? `${list.slice(0, 200)}…` : list;
  }
}
