/**
 * Decodes a `DATA binary_compressed` body (FORMATS.md §1.7): uint32 CS, uint32 US, CS bytes of
 * LZF, decoding to one plane per field (structure of arrays). The LZF block is buffered until
 * complete (only when it arrives in pieces); bytes after it (page padding) are ignored.
 */
import { PcdError, formatCount } from './PcdError.ts';
import type { PcdTarget } from './PcdTarget.ts';
import { storeStridedField } from './PcdTarget.ts';
import { decompressLzf } from './decompressLzf.ts';

export class CompressedBodyDecoder {
  private readonly target: PcdTarget;
  private readonly fn: string;
  private readonly fileName?: string;
  private readonly sizes = new Uint8Array(8);
  private sizesLength = 0;
  private compressedSize = 0;
  private uncompressedSize = 0;
  private block: Uint8Array | null = null;
  private blockLength = 0;
  private withPadding = false;
  private done = 0;
  private complete = false;
  private received = 0;

  constructor(target: PcdTarget, fn: string, fileName?: string) {
    this.target = target;
    this.fn = fn;
    this.fileName = fileName;
  }

  /** Points decoded so far: 0 until the whole block is in, then all of them. */
  get pointsDone(): number {
    return this.done;
  }

  /** Consumes `bytes[start, bytes.length)`; decodes once CS bytes of LZF have arrived. */
  feed(bytes: Uint8Array, start: number): void {
    const end = bytes.length;
    this.received += end - start;
    if (this.complete) return;
    let p = start;
    if (this.sizesLength < 8) {
      const take = Math.min(8 - this.sizesLength, end - p);
      this.sizes.set(bytes.subarray(p, p + take), this.sizesLength);
      this.sizesLength += take;
      p += take;
      if (this.sizesLength < 8) return;
      this.readSizes();
    }
    const cs = this.compressedSize;
    if (this.block === null) {
      if (end - p >= cs) {
        this.decode(bytes.subarray(p, p + cs));
        return;
      }
      this.block = new Uint8Array(cs);
    }
    const take = Math.min(cs - this.blockLength, end - p);
    this.block.set(bytes.subarray(p, p + take), this.blockLength);
    this.blockLength += take;
    if (this.blockLength === cs) {
      const block = this.block;
      this.block = null;
      this.decode(block);
    }
  }

  /**
   * @throws PcdError `truncated` when the sizes or the LZF block did not fully arrive
   */
  finish(): void {
    if (this.complete || (this.target.count === 0 && this.sizesLength === 0)) return;
    const offset = this.target.header.bodyOffset;
    const expected = this.sizesLength < 8 ? 8 : 8 + this.compressedSize;
    const what = this.sizesLength < 8 ? 'the 8-byte size prefix' : `8 + ${formatCount(this.compressedSize)} bytes (size prefix + LZF block)`;
    throw new PcdError(
      this.fn,
      'truncated',
      `truncated binary_compressed body: expected ${what} from byte offset ${formatCount(offset)}, got ${formatCount(this.received)}`,
      {
        fileName: this.fileName,
        byteOffset: offset + this.received,
        expected,
        actual: this.received,
      },
    );
  }

  private readSizes(): void {
    const s = this.sizes;
    const cs = (s[0] | (s[1] << 8) | (s[2] << 16) | (s[3] << 24)) >>> 0;
    const us = (s[4] | (s[5] << 8) | (s[6] << 16) | (s[7] << 24)) >>> 0;
    const { header, count } = this.target;
    let dataBytes = 0;
    for (const f of header.fields) if (f.name !== '_') dataBytes += f.size * f.count;
    const without = count * dataBytes;
    const withPad = count * header.pointStep;
    const offset = header.bodyOffset;
    if (us === without) this.withPadding = false;
    else if (us === withPad) this.withPadding = true;
    else {
      const alt = withPad !== without ? ` (or ${formatCount(withPad)} with the _ padding fields stored)` : '';
      throw new PcdError(
        this.fn,
        'compressed-size-mismatch',
        `binary_compressed body at byte offset ${formatCount(offset)}: uncompressed size ${formatCount(us)} does not fit the header, expected ${formatCount(without)} = ${formatCount(count)} points × ${dataBytes} bytes${alt}`,
        {
          fileName: this.fileName,
          byteOffset: offset + 4,
          expected: without,
          actual: us,
        },
      );
    }
    // A valid stream yields at least 1 byte per 2 input bytes and at most 88 per byte.
    if (cs > 2 * us || us > cs * 88 + 8) {
      throw new PcdError(
        this.fn,
        'compressed-size-mismatch',
        `binary_compressed body at byte offset ${formatCount(offset)}: compressed size ${formatCount(cs)} cannot decode to ${formatCount(us)} bytes`,
        {
          fileName: this.fileName,
          byteOffset: offset,
          expected: us,
          actual: cs,
        },
      );
    }
    this.compressedSize = cs;
    this.uncompressedSize = us;
  }

  /** Bytes of the planes to decode: all, or for `positionsOnly` up to the end of the last x y z plane. */
  private wantedBytes(): number {
    const { target } = this;
    if (!target.positionsOnly) return this.uncompressedSize;
    let plane = 0;
    let end = 0;
    for (const slot of target.slots) {
      if (slot.pad && !this.withPadding) continue;
      plane += target.count * slot.pointBytes;
      if (slot.axis >= 0) end = plane;
    }
    return end;
  }

  private decode(stream: Uint8Array): void {
    const { target } = this;
    let planes: Uint8Array;
    try {
      planes = decompressLzf(stream, this.uncompressedSize, this.wantedBytes());
    } catch (e) {
      if (!(e instanceof PcdError)) throw e;
      const at = target.header.bodyOffset + 8 + (e.byteOffset ?? 0);
      const text = e.message.replace(/^decompressLzf: /, '').replace(/input byte [\d,]+/, `file byte ${formatCount(at)}`);
      throw new PcdError(this.fn, e.code, `binary_compressed body: ${text}`, {
        fileName: this.fileName,
        byteOffset: at,
        expected: e.expected,
        actual: e.actual,
      });
    }
    const n = target.count;
    const xyzPlanes = [-1, -1, -1];
    let plane = 0;
    for (const slot of target.slots) {
      if (slot.pad && !this.withPadding) continue;
      const f = slot.field;
      if (slot.axis >= 0 && f.type === 'F' && f.size === 4 && (plane & 3) === 0) xyzPlanes[slot.axis] = plane;
      else storeStridedField(target, slot, planes, plane, slot.pointBytes, 0, n);
      plane += n * slot.pointBytes;
    }
    if (xyzPlanes[0] >= 0 && xyzPlanes[1] >= 0 && xyzPlanes[2] >= 0) {
      const words = new Uint32Array(planes.buffer, 0, planes.length >> 2);
      target.nanCount = interleaveXyzCountingNans(words, xyzPlanes[0] >> 2, xyzPlanes[1] >> 2, xyzPlanes[2] >> 2, target.positions, n);
      target.nansCounted = true;
    } else {
      // Some axis is missing or not an aligned F4 plane: store each one on its own.
      plane = 0;
      for (const slot of target.slots) {
        if (slot.pad && !this.withPadding) continue;
        if (slot.axis >= 0 && xyzPlanes[slot.axis] >= 0) storeStridedField(target, slot, planes, plane, 4, 0, n);
        plane += n * slot.pointBytes;
      }
    }
    this.done = n;
    this.complete = true;
  }
}

/**
 * Interleaves the x, y and z float32 planes (word offsets px, py, pz) into `positions` as raw bits,
 * counting points with a non-finite coordinate, in one pass.
 */
function interleaveXyzCountingNans(src: Uint32Array, px: number, py: number, pz: number, positions: Float32Array, count: number): number {
  const dst = new Uint32Array(positions.buffer, positions.byteOffset, count * 3);
  const EXP = 0x7f800000;
  let nans = 0;
  for (let i = 0, d = 0; i < count; i++, d += 3) {
    const x = src[px + i];
    const y = src[py + i];
    const z = src[pz + i];
    dst[d] = x;
    dst[d + 1] = y;
    dst[d + 2] = z;
    if ((x & EXP) === EXP || (y & EXP) === EXP || (z & EXP) === EXP) nans++;
  }
  return nans;
}
