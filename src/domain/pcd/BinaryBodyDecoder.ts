/**
 * Decodes a `DATA binary` body (array of records, FORMATS.md §1.6) into a PcdTarget, from one
 * buffer or from chunks of any size: a record split across chunks is carried over (at most one
 * record is ever buffered). Bytes after the last declared point (PCL's zero padding) are ignored.
 */
import { PcdError, formatCount } from './PcdError.ts';
import type { PcdTarget } from './PcdTarget.ts';
import { countNanPoints, storeStridedField } from './PcdTarget.ts';
import { copyStrided } from './copyStrided.ts';

export class BinaryBodyDecoder {
  private readonly target: PcdTarget;
  private readonly fn: string;
  private readonly fileName?: string;
  private readonly step: number;
  private carry: Uint8Array | null = null;
  private carryLength = 0;
  private done = 0;
  private received = 0;

  constructor(target: PcdTarget, fn: string, fileName?: string) {
    this.target = target;
    this.fn = fn;
    this.fileName = fileName;
    this.step = target.header.pointStep;
    // A record of zero bytes (every field dropped) makes every point complete at once.
    if (this.step === 0) this.done = target.count;
  }

  /** Points fully decoded so far. */
  get pointsDone(): number {
    return this.done;
  }

  /** Decodes every record completed by `bytes[start, bytes.length)`. */
  feed(bytes: Uint8Array, start: number): void {
    const { step } = this;
    const end = bytes.length;
    const total = this.target.count;
    this.received += end - start;
    let p = start;
    if (this.done >= total) return;
    if (this.carryLength > 0) {
      const take = Math.min(step - this.carryLength, end - p);
      const carry = this.carry as Uint8Array;
      carry.set(bytes.subarray(p, p + take), this.carryLength);
      this.carryLength += take;
      p += take;
      if (this.carryLength < step) return;
      this.decode(carry, 0, 1);
      this.carryLength = 0;
    }
    const whole = Math.min(Math.floor((end - p) / step), total - this.done);
    if (whole > 0) {
      this.decode(bytes, p, whole);
      p += whole * step;
    }
    if (this.done < total && p < end) {
      // Allocated on first use: a header with an absurd record size costs nothing until data comes.
      this.carry ??= new Uint8Array(step);
      this.carry.set(bytes.subarray(p, end), 0);
      this.carryLength = end - p;
    }
  }

  /**
   * Checks that every declared point arrived.
   * @throws PcdError `truncated`, naming expected and received byte counts
   */
  finish(): void {
    const { target, fn, fileName } = this;
    if (this.done >= target.count) return;
    const expected = target.count * this.step;
    const offset = target.header.bodyOffset;
    throw new PcdError(
      fn,
      'truncated',
      `truncated body: expected ${formatCount(expected)} bytes (${formatCount(target.count)} points × ${this.step}) from byte offset ${formatCount(offset)}, got ${formatCount(this.received)}`,
      { fileName, byteOffset: offset + this.received, expected, actual: this.received },
    );
  }

  private decode(src: Uint8Array, srcPos: number, count: number): void {
    const { step, target } = this;
    if (count <= 0) return;
    let s = src;
    let pos = srcPos;
    // Word-sized copies need 4-byte aligned records; one memcpy to realign is cheaper than bytes.
    if (((s.byteOffset + pos) & 3) !== 0 && (step & 1) === 0) {
      s = src.slice(pos, pos + count * step);
      pos = 0;
    }
    const xyz = target.xyzOffset;
    const base = s.byteOffset + pos + xyz;
    let nans = -1;
    if (xyz >= 0 && (base & 3) === 0 && (step & 3) === 0) {
      const words = new Uint32Array(s.buffer, base, ((count - 1) * step + 12) >> 2);
      nans = copyXyzCountingNans(words, step >> 2, target.positions, this.done, count);
    } else if (xyz >= 0) {
      copyStrided(s, pos + xyz, step, target.positionBytes, this.done * 12, 12, 12, count);
    }
    for (const slot of target.slots) {
      if (xyz >= 0 && slot.axis >= 0) continue;
      storeStridedField(target, slot, s, pos + slot.field.offset, step, this.done, count);
    }
    target.nanCount += nans >= 0 ? nans : countNanPoints(target.positions, this.done, count);
    target.nansCounted = true;
    this.done += count;
  }
}

/**
 * Copies x y z float32 words (3 consecutive words every `stride` words of `src`) into
 * `positions` from point `start`, as raw bits, and counts points with a non-finite coordinate.
 */
function copyXyzCountingNans(src: Uint32Array, stride: number, positions: Float32Array, start: number, count: number): number {
  const dst = new Uint32Array(positions.buffer, positions.byteOffset + start * 12, count * 3);
  const EXP = 0x7f800000;
  let nans = 0;
  for (let i = 0, s = 0, d = 0; i < count; i++, s += stride, d += 3) {
    const x = src[s];
    const y = src[s + 1];
    const z = src[s + 2];
    dst[d] = x;
    dst[d + 1] = y;
    dst[d + 2] = z;
    if ((x & EXP) === EXP || (y & EXP) === EXP || (z & EXP) === EXP) nans++;
  }
  return nans;
}
