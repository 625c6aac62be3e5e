/**
 * Whole-file PCD parsing (ascii, binary, binary_compressed) into typed arrays.
 */
import type { PcdCloud } from './PcdCloud.ts';
import { PcdError, formatCount } from './PcdError.ts';
import type { PcdHeader } from './PcdHeader.ts';
import { createPcdTarget, finishPcdCloud } from './PcdTarget.ts';
import { createBodyDecoder, lineNumberAt } from './createBodyDecoder.ts';
import { scanPcdHeader } from './readPcdHeader.ts';

export type { PcdCloud } from './PcdCloud.ts';

export interface ParsePcdOptions {
  /** Shown in error messages and stored in PcdError.fileName. */
  fileName?: string;
  /**
   * Only the positions: no attribute is stored (`attributes` is empty), and a `binary_compressed`
   * body is decompressed only as far as its last x y z plane, so the rest of its stream is not
   * checked. For a merge of many sweeps, which draws positions alone.
   */
  positionsOnly?: boolean;
}

/**
 * Parses a complete PCD file.
 * Positions come out as float32 x y z in the file's frame (metres for LiDAR scans), in file order,
 * NaN points kept in place; every other non-`_` field becomes an attribute typed by its TYPE/SIZE
 * (`rgb`/`rgba` as Uint32Array bits). Trailing bytes after the declared points are ignored.
 * @param input the file bytes
 * @throws PcdError (never another error type) for any malformed, truncated or absurd input
 */
export function parsePcd(input: ArrayBuffer | Uint8Array, opts: ParsePcdOptions = {}): PcdCloud {
  const fn = 'parsePcd';
  const { fileName } = opts;
  const bytes = toBytes(input, fn, fileName);
  const header = scanPcdHeader(bytes, fn, fileName, true) as PcdHeader;
  assertBodyCanHold(header, bytes.length - header.bodyOffset, fn, fileName);
  const target = createPcdTarget(header, fn, fileName, opts.positionsOnly === true);
  const decoder = createBodyDecoder(target, lineNumberAt(bytes, header.bodyOffset), fn, fileName);
  decoder.feed(bytes, header.bodyOffset);
  decoder.finish();
  return finishPcdCloud(target);
}

/** Accepts an ArrayBuffer or any ArrayBuffer view; anything else is a PcdError, not a TypeError. */
export function toBytes(input: unknown, fn: string, fileName?: string): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new PcdError(fn, 'bad-input', `expected an ArrayBuffer or Uint8Array, got ${input === null ? 'null' : typeof input}`, { fileName });
}

/**
 * Refuses, before allocating anything, a body that is too short to hold POINTS points, so that a
 * lying or absurd POINTS value gives a `truncated` error instead of a failed allocation.
 */
function assertBodyCanHold(header: PcdHeader, available: number, fn: string, fileName?: string): void {
  const n = header.points;
  if (n === 0) return;
  const at = header.bodyOffset;
  const fail = (text: string, expected: number): never => {
    throw new PcdError(fn, 'truncated', text, { fileName, byteOffset: at + available, expected, actual: available });
  };
  if (header.data === 'binary') {
    const need = n * header.pointStep;
    if (available < need) {
      fail(
        `truncated body: expected ${formatCount(need)} bytes (${formatCount(n)} points × ${header.pointStep}) from byte offset ${formatCount(at)}, got ${formatCount(available)}`,
        need,
      );
    }
  } else if (header.data === 'ascii') {
    let tokens = 0;
    for (const f of header.fields) tokens += f.count;
    // Every token needs at least one character and one separator or line end.
    const need = tokens === 0 ? 1 : n * tokens * 2 - 1;
    if (available < need) {
      fail(
        `truncated ascii body: ${formatCount(available)} bytes from byte offset ${formatCount(at)} cannot hold ${formatCount(n)} lines of ${tokens} tokens`,
        need,
      );
    }
  } else {
    let dataBytes = 0;
    for (const f of header.fields) if (f.name !== '_') dataBytes += f.size * f.count;
    // An LZF stream yields at most 88 bytes per input byte.
    const minBlock = Math.ceil((n * dataBytes - 8) / 88);
    if (available < 8 || available - 8 < minBlock) {
      fail(
        `truncated binary_compressed body: ${formatCount(available)} bytes from byte offset ${formatCount(at)} cannot hold ${formatCount(n)} points of ${dataBytes} bytes`,
        8 + Math.max(minBlock, 0),
      );
    }
  }
}
