/**
 * Incremental PCD parsing: bytes in as they arrive (any chunk size), points out as soon as they are
 * complete, one preallocated cloud at the end, identical to what `parsePcd` returns for the same
 * bytes. Memory: ascii and binary bodies are decoded chunk by chunk (only a split line or record is
 * carried over); a binary_compressed LZF block is buffered until complete, then decoded at once.
 */
import type { AttributeArray } from '../types.ts';
import type { PcdCloud } from './PcdCloud.ts';
import { PcdError } from './PcdError.ts';
import type { PcdHeader } from './PcdHeader.ts';
import type { PcdTarget } from './PcdTarget.ts';
import { createPcdTarget, finishPcdCloud, slicePcdTarget } from './PcdTarget.ts';
import type { PcdBodyDecoder } from './createBodyDecoder.ts';
import { createBodyDecoder, lineNumberAt } from './createBodyDecoder.ts';
import { toBytes } from './parsePcd.ts';
import { MAX_PCD_HEADER_BYTES, scanPcdHeader } from './readPcdHeader.ts';

/** Points [start, start + count) of the cloud, copied (safe to transfer to another thread). */
export interface PcdBatch {
  start: number;
  count: number;
  /** x y z, float32, file frame, metres; length count × 3. */
  positions: Float32Array;
  /** Same keys and types as the final cloud's attributes, sliced to this range. */
  attributes: Record<string, AttributeArray>;
}

export interface PcdStreamParserOptions {
  fileName?: string;
  /** Largest number of points in one batch (default 65,536); a push may return several batches. */
  batchPoints?: number;
}

const FN = 'PcdStreamParser';

export class PcdStreamParser {
  private readonly fileName?: string;
  private readonly batchPoints: number;
  private head = new Uint8Array(0);
  private headLength = 0;
  private parsedHeader: PcdHeader | null = null;
  private target: PcdTarget | null = null;
  private decoder: PcdBodyDecoder | null = null;
  private emitted = 0;
  private received = 0;
  private failure: unknown = null;
  private result: PcdCloud | null = null;

  constructor(opts: PcdStreamParserOptions = {}) {
    this.fileName = opts.fileName;
    const b = opts.batchPoints ?? 65536;
    this.batchPoints = Number.isSafeInteger(b) && b > 0 ? b : 65536;
  }

  /** The header once its DATA line has arrived, else null. */
  get header(): PcdHeader | null {
    return this.parsedHeader;
  }

  /** Points decoded so far. */
  get pointsDone(): number {
    return this.decoder?.pointsDone ?? 0;
  }

  /** Bytes passed to `push` so far. */
  get bytesReceived(): number {
    return this.received;
  }

  /**
   * Feeds the next bytes of the file.
   * @returns batches of the points completed by this chunk (empty while the header or a
   *   binary_compressed block is still incomplete)
   * @throws PcdError as soon as the data is known to be invalid; the parser then stays failed
   */
  push(chunk: Uint8Array): PcdBatch[] {
    this.assertUsable('push');
    try {
      const bytes = toBytes(chunk, FN, this.fileName);
      this.received += bytes.length;
      if (this.decoder !== null) this.decoder.feed(bytes, 0);
      else this.feedHead(bytes);
      return this.collect();
    } catch (e) {
      this.failure = e;
      throw e;
    }
  }

  /**
   * Ends the stream. Points that only the end completes (an ascii last line without LF) are in
   * the returned cloud; `pending()` then returns them as batches.
   * @returns the complete cloud (the same object on repeated calls)
   * @throws PcdError `truncated` when fewer than POINTS points arrived, or any header error
   */
  end(): PcdCloud {
    if (this.result !== null) return this.result;
    this.assertUsable('end');
    try {
      if (this.decoder === null) {
        const bytes = this.head.subarray(0, this.headLength);
        const header = scanPcdHeader(bytes, FN, this.fileName, true) as PcdHeader;
        this.start(header, bytes);
      }
      (this.decoder as PcdBodyDecoder).finish();
      this.result = finishPcdCloud(this.target as PcdTarget);
      return this.result;
    } catch (e) {
      this.failure = e;
      throw e;
    }
  }

  /**
   * Batches of the points decoded but not yet returned by `push`: after `end()`, the points only
   * the end completed (an ascii last line without LF). Each point is returned once.
   */
  pending(): PcdBatch[] {
    return this.collect();
  }

  private assertUsable(what: string): void {
    if (this.failure !== null) throw this.failure;
    if (this.result !== null) {
      throw new PcdError(FN, 'bad-input', `${what}() called after end()`, { fileName: this.fileName });
    }
  }

  /** Collects bytes until the DATA line is complete, then starts the body decoder. */
  private feedHead(chunk: Uint8Array): void {
    let bytes: Uint8Array;
    if (this.headLength === 0) {
      bytes = chunk;
    } else {
      this.appendHead(chunk);
      bytes = this.head.subarray(0, this.headLength);
    }
    // The header can only complete in a chunk that holds an LF (or fail by growing too long).
    const waiting = chunk.indexOf(10) === -1 && bytes.length <= MAX_PCD_HEADER_BYTES;
    const header = waiting ? null : scanPcdHeader(bytes, FN, this.fileName, false);
    if (header === null) {
      if (this.headLength === 0) this.appendHead(chunk);
      return;
    }
    this.start(header, bytes);
  }

  private appendHead(chunk: Uint8Array): void {
    const need = this.headLength + chunk.length;
    if (need > this.head.length) {
      const grown = new Uint8Array(Math.max(need, this.head.length * 2, 1024));
      grown.set(this.head.subarray(0, this.headLength));
      this.head = grown;
    }
    this.head.set(chunk, this.headLength);
    this.headLength = need;
  }

  private start(header: PcdHeader, bytes: Uint8Array): void {
    this.parsedHeader = header;
    this.target = createPcdTarget(header, FN, this.fileName);
    this.decoder = createBodyDecoder(this.target, lineNumberAt(bytes, header.bodyOffset), FN, this.fileName);
    this.head = new Uint8Array(0);
    this.headLength = 0;
    this.decoder.feed(bytes, header.bodyOffset);
  }

  private collect(): PcdBatch[] {
    const batches: PcdBatch[] = [];
    const target = this.target;
    if (target === null || this.decoder === null) return batches;
    const done = this.decoder.pointsDone;
    while (this.emitted < done) {
      const start = this.emitted;
      const count = Math.min(this.batchPoints, done - start);
      batches.push({ start, count, ...slicePcdTarget(target, start, count) });
      this.emitted += count;
    }
    return batches;
  }
}
