import type { DatasetFrame } from '../dataset/Dataset.ts';
import { readFramePoints } from '../dataset/readFramePoints.ts';

/** Bytes of parsed sweeps a merge thread keeps (about 90 sweeps of 120k points: a ±25 window and its neighbours). */
const CAPACITY = 128 * 1024 * 1024;
/**
 * A kept sweep is read again after this long: the key is the file and its size as the dataset scan
 * saw them, so a file rewritten in place at the same size is seen after 5 minutes at the latest
 * (as the route's cache of whole merges).
 */
const MAX_AGE_MS = 5 * 60_000;

/**
 * Sweeps a merge thread has parsed lately (x y z, metres, their own LiDAR frame), by file and
 * size, least recently used dropped first. Merges of neighbouring frames share all their sweeps
 * but two; parsing was about half of a merge's time (binary-compressed PCD).
 */
export class SweepCache {
  private readonly entries = new Map<string, { at: number; positions: Float32Array }>();
  private bytes = 0;

  constructor(private readonly capacity = CAPACITY) {}

  /** Whether the kept sweeps fill less than `share` of the capacity (a read ahead stops past it: it would drop what it read first). */
  hasRoom(share = 0.9): boolean {
    return this.bytes < share * this.capacity;
  }

  /** The frame's points, parsed now or kept from before. Throws as `readFramePoints` does. */
  async positions(frame: DatasetFrame): Promise<Float32Array> {
    const key = `${frame.root}|${frame.points.path}|${frame.points.bytes}`;
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      if (Date.now() - kept.at <= MAX_AGE_MS) {
        this.entries.set(key, kept);
        return kept.positions;
      }
      this.bytes -= kept.positions.byteLength;
    }
    // A merge draws positions alone: a compressed PCD's other planes are not even decompressed.
    const { positions } = await readFramePoints(frame, { positionsOnly: true });
    this.entries.set(key, { at: Date.now(), positions });
    this.bytes += positions.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.capacity) break;
      this.entries.delete(k);
      this.bytes -= v.positions.byteLength;
    }
    return positions;
  }
}
