import type { PointCloud } from '../types.ts';

/** A run of newly completed points from a streaming parser (LiDAR frame, metres). */
export interface VelodyneBatch {
  start: number;
  count: number;
  positions: Float32Array;
  attributes: { intensity: Float32Array };
}

const RECORD = 16;

/**
 * Streaming reader for KITTI velodyne `.bin` (float32 LE x y z reflectance per 16-byte record).
 * Accepts chunks of any size; yields every record as soon as its 16 bytes have arrived.
 * `expectedBytes` (e.g. from Content-Length) lets it preallocate; otherwise it grows.
 */
export class VelodyneStreamParser {
  private readonly fileName: string;
  private carry = new Uint8Array(RECORD);
  private carryLength = 0;
  private received = 0;
  private done = 0;
  private positions: Float32Array;
  private intensity: Float32Array;

  constructor(opts: { fileName?: string; expectedBytes?: number } = {}) {
    this.fileName = opts.fileName ?? 'velodyne.bin';
    const expected = opts.expectedBytes && opts.expectedBytes > 0 ? Math.floor(opts.expectedBytes / RECORD) : 65536;
    this.positions = new Float32Array(expected * 3);
    this.intensity = new Float32Array(expected);
  }

  get pointsDone(): number {
    return this.done;
  }

  get bytesReceived(): number {
    return this.received;
  }

  /** Feeds bytes; returns the points completed by this chunk (zero or one batch). */
  push(chunk: Uint8Array): VelodyneBatch[] {
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
    const positions = new Float32Array(records * 3);
    const intensity = new Float32Array(records);
    for (let i = 0, j = 0; i < records; i++, j += 4) {
      positions[i * 3] = floats[j];
      positions[i * 3 + 1] = floats[j + 1];
      positions[i * 3 + 2] = floats[j + 2];
      intensity[i] = floats[j + 3];
    }
    this.append(positions, intensity);
    const start = this.done;
    this.done += records;
    return [{ start, count: records, positions, attributes: { intensity } }];
  }

  /** Finishes the stream; throws when the byte count is not a whole number of records. */
  end(): PointCloud {
    if (this.carryLength !== 0) {
      throw new Error(
        `readVelodyneBin (${this.fileName}): size ${this.received} bytes is not a multiple of 16; ` +
          `${this.carryLength} trailing bytes from byte offset ${this.received - this.carryLength}`,
      );
    }
    return {
      count: this.done,
      positions: this.positions.slice(0, this.done * 3),
      attributes: { intensity: this.intensity.slice(0, this.done) },
    };
  }

  private append(positions: Float32Array, intensity: Float32Array): void {
    const needed = this.done + intensity.length;
    if (needed > this.intensity.length) {
      const capacity = Math.max(needed, this.intensity.length * 2);
      const p = new Float32Array(capacity * 3);
      p.set(this.positions.subarray(0, this.done * 3));
      const it = new Float32Array(capacity);
      it.set(this.intensity.subarray(0, this.done));
      this.positions = p;
      this.intensity = it;
    }
    this.positions.set(positions, this.done * 3);
    this.intensity.set(intensity, this.done);
  }
}
