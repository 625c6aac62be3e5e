/**
 * Decodes a `DATA binary` body (array of records, FORMATS.md §1.6) into a PcdTarget, from one
 * buffer or from chunks of any size: a record split across chunks is carried over (at most one
 * record is ever buffered). Bytes after the last declared point (PCL's zero padding) are ignored.
 */
import { PcdError, formatCount } from './PcdError.ts';
import type { PcdTarget } from './PcdTarget.ts';
import { countNanPoints, storeStridedField } from './PcdTarget.ts';
import type { RecordWordPlan } from './copyRecordWords.ts';
import { copyRecordWords, copyXyzUnaligned, planRecordWords } from './copyRecordWords.ts';

/** Size of the buffer that realigns records for word loads: small enough to stay in cache. */
const ALIGN_BLOCK_BYTES = 64 * 1024;

export class BinaryBodyDecoder {
  private readonly target: PcdTarget;
  private readonly fn: string;
  private readonly fileName?: string;
  private readonly step: number;
  private readonly plan: RecordWordPlan | null;
  private aligned: Uint8Array | null = null;
  private carry: Uint8Array | null = null;
  private carryLength = 0;
  private done = 0;
  private received = 0;

  constructor(target: PcdTarget, fn: string, fileName?: string) {
    this.target = target;
    this.fn = fn;
    this.fileName = fileName;
    this.step = target.header.pointStep;
    this.plan = planRecordWords(target);
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
    const { step } = this;
    if (count <= 0) return;
    if (((src.byteOffset + srcPos) & 3) === 0 || (step & 3) !== 0) {
      this.decodeRecords(src, srcPos, count);
      return;
    }
    // Word loads need 4-byte aligned records (a file's body starts wherever its header ends).
    // Realign a block at a time through a small reused buffer rather than copying the whole body.
    const block = (this.aligned ??= new Uint8Array(Math.max(1, Math.floor(ALIGN_BLOCK_BYTES / step)) * step));
    const per = block.length / step;
    for (let k = 0; k < count; k += per) {
      const m = Math.min(per, count - k);
      const from = srcPos + k * step;
      block.set(src.subarray(from, from + m * step));
      this.decodeRecords(block, 0, m);
    }
  }

  private decodeRecords(src: Uint8Array, srcPos: number, count: number): void {
    const { step, target, plan } = this;
    const at = src.byteOffset + srcPos;
    let nans: number;
    if (plan !== null && (at & 3) === 0) {
      nans = copyRecordWords(plan, new Uint32Array(src.buffer, at, (count * step) >> 2), 0, this.done, count);
      for (const slot of plan.rest) storeStridedField(target, slot, src, srcPos + slot.field.offset, step, this.done, count);
    } else {
      const xyz = target.xyzOffset;
      nans = -1;
      if (xyz >= 0) nans = copyXyzUnaligned(src, srcPos + xyz, step, target.positions, this.done, count);
      for (const slot of target.slots) {
        if (xyz >= 0 && slot.axis >= 0) continue;
        storeStridedField(target, slot, src, srcPos + slot.field.offset, step, this.done, count);
      }
      if (nans < 0) nans = countNanPoints(target.positions, this.done, count);
    }
    target.nanCount += nans;
    target.nansCounted = true;
    this.done += count;
  }
}
