import type { PointCloud } from '../types.ts';
import { BIN_LAYOUTS, describeBinLayout, type BinLayout, type BinLayoutName } from './binLayouts.ts';
import { decodeBinRecords, type BinAttributes } from './decodeBinRecords.ts';

/** A run of newly completed points from a streaming parser (LiDAR frame, metres). */
export interface VelodyneBatch {
  start: number;
  count: number;
  positions: Float32Array;
  /** One array per layout column after x y z (`intensity`, `ring`, `time`). */
  attributes: BinAttributes;
}

type Column = Float32Array | Uint16Array;

/**
 * Streaming reader for raw float32 little-endian `.bin` point files: KITTI velodyne (`xyzi`,
 * 16-byte records, the default) or any layout of `binLayouts.ts` (`xyzir` for nuScenes, ...).
 * Accepts chunks of any size; yields every record as soon as its bytes have arrived.
 * `expectedBytes` (e.g. from Content-Length) lets it preallocate; otherwise it grows.
 */
export class VelodyneStreamParser {
  readonly layout: BinLayout;
  private readonly fileName: string;
  private readonly record: number;
  private carry: Uint8Array;
  private carryLength = 0;
  private received = 0;
  private done = 0;
  private positions: Float32Array;
  private columns: Record<string, Column>;

  constructor(opts: { fileName?: string; expectedBytes?: number; layout?: BinLayoutName } = {}) {
    this.fileName = opts.fileName ?? 'velodyne.bin';
    this.layout = BIN_LAYOUTS[opts.layout ?? 'xyzi'];
    this.record = this.layout.bytes;
    this.carry = new Uint8Array(this.record);
    const expected = opts.expectedBytes && opts.expectedBytes > 0 ? Math.floor(opts.expectedBytes / this.record) : 65536;
    this.positions = new Float32Array(expected * 3);
    this.columns = {};
    for (const name of this.layout.attributes) this.columns[name] = name === 'ring' ? new Uint16Array(expected) : new Float32Array(expected);
  }

  get pointsDone(): number {
    return this.done;
  }

  get bytesReceived(): number {
    return this.received;
  }

  /** Feeds bytes; returns the points completed by this chunk (zero or one batch). */
  push(chunk: Uint8Array): VelodyneBatch[] {
    const RECORD = this.record;
    this.received += chunk.length;
    const available = this.carryLength + chunk.length;
    const records = Math.floor(available / RECORD);
    if (records === 0) {
      this.carry.set(chunk, this.carryLength);
      this.carryLength += chunk.length;
      return [];
    }
    const bytes = new Uint8Array(records * RECORD);
    bytes.set(this.carry.subarray(0, this.carryLength), 0);
    const fromChunk = records * RECORD - this.carryLength;
    bytes.set(chunk.subarray(0, fromChunk), this.carryLength);
    const rest = chunk.subarray(fromChunk);
    this.carry.set(rest, 0);
    this.carryLength = rest.length;

    const floats = new Float32Array(bytes.buffer);
    let positions: Float32Array;
    let attributes: BinAttributes;
    if (this.layout.name === 'xyzi') {
      positions = new Float32Array(records * 3);
      const intensity = new Float32Array(records);
      for (let i = 0, j = 0; i < records; i++, j += 4) {
        positions[i * 3] = floats[j];
        positions[i * 3 + 1] = floats[j + 1];
        positions[i * 3 + 2] = floats[j + 2];
        intensity[i] = floats[j + 3];
      }
      attributes = { intensity };
    } else {
      ({ positions, attributes } = decodeBinRecords(floats, records, this.layout));
    }
    this.append(positions, attributes, records);
    const start = this.done;
    this.done += records;
    return [{ start, count: records, positions, attributes }];
  }

  /** Finishes the stream; throws when the byte count is not a whole number of records. */
  end(): PointCloud {
    if (this.carryLength !== 0) {
      const what = this.layout.name === 'xyzi' ? '' : ` (layout ${this.layout.name}: ${describeBinLayout(this.layout.name)})`;
      throw new Error(
        `readVelodyneBin (${this.fileName}): size ${this.received} bytes is not a multiple of ${this.record}${what}; ` +
          `${this.carryLength} trailing bytes from byte offset ${this.received - this.carryLength}`,
      );
    }
    const attributes: Record<string, Column> = {};
    for (const [name, column] of Object.entries(this.columns)) attributes[name] = column.slice(0, this.done);
    return { count: this.done, positions: this.positions.slice(0, this.done * 3), attributes };
  }

  private append(positions: Float32Array, attributes: BinAttributes, records: number): void {
    const needed = this.done + records;
    if (needed * 3 > this.positions.length) {
      const capacity = Math.max(needed, (this.positions.length / 3) * 2);
      const p = new Float32Array(capacity * 3);
      p.set(this.positions.subarray(0, this.done * 3));
      this.positions = p;
      for (const [name, column] of Object.entries(this.columns)) {
        const grown = column instanceof Uint16Array ? new Uint16Array(capacity) : new Float32Array(capacity);
        grown.set(column.subarray(0, this.done));
        this.columns[name] = grown;
      }
    }
    this.positions.set(positions, this.done * 3);
    for (const [name, values] of Object.entries(attributes) as [string, Column][]) {
      (this.columns[name] as Column).set(values as never, this.done);
    }
  }
}
