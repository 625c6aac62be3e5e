/** One batch of a merged cloud as the merge worker transferred it: points `start` … `start + n − 1`. */
export interface MergedSegment {
  start: number;
  /** x y z interleaved (metres, the open frame's LiDAR frame). */
  positions: Float32Array;
  /** Sweep offset per point (sweeps from the open frame). */
  time: Float32Array;
}

/**
 * A merged multi-sweep cloud on the main thread, in level-of-detail order (any prefix is an even
 * sample), filled batch by batch as the merge worker streams it. The batches are kept as the worker
 * transferred them (`segments`), in order: the main thread copies nothing (copying each 4 MB batch
 * into pages of its own took tens of ms a batch when a cached merge came all at once). Typed arrays
 * live here, never in the store.
 */
export class MergedCloud {
  readonly key: string;
  readonly segments: MergedSegment[] = [];
  /** Points that have arrived, from the start of the order. */
  received = 0;
  /** Points in the whole merge (known once the worker is done; the view draws up to its budget). */
  total = 0;
  /** True once the worker sent its last batch. */
  complete = false;
  /** Bumped on every change. */
  version = 0;

  constructor(key: string) {
    this.key = key;
  }

  /** Points the view will have once complete (so far: those received). */
  get count(): number {
    return this.received;
  }

  /**
   * Adds a batch at its place (`batch.start`), which must follow the points received so far; a batch
   * overlapping them keeps only its new points.
   * @throws Error naming both offsets when the batch leaves a gap after the points received
   */
  append(batch: MergedSegment): void {
    const n = batch.time.length;
    if (batch.start > this.received)
      throw new Error(`merged cloud ${this.key}: a batch at point ${batch.start} leaves a gap after the ${this.received} points received`);
    const skip = this.received - batch.start;
    if (skip >= n) return;
    this.segments.push(skip === 0 ? batch : { start: this.received, positions: batch.positions.subarray(skip * 3), time: batch.time.subarray(skip) });
    this.received = batch.start + n;
    this.version++;
  }

  /**
   * Calls `each` with the pieces of points `from` … `to − 1`, in order (each piece within one
   * segment: its first point's index and subarrays of its positions and times).
   */
  forEachRange(from: number, to: number, each: (at: number, positions: Float32Array, time: Float32Array) => void): void {
    to = Math.min(to, this.received);
    for (const seg of this.segments) {
      const n = seg.time.length;
      const lo = Math.max(from, seg.start);
      const hi = Math.min(to, seg.start + n);
      if (lo >= hi) continue;
      const o = lo - seg.start;
      each(lo, seg.positions.subarray(o * 3, (hi - seg.start) * 3), seg.time.subarray(o, hi - seg.start));
    }
  }

  /** Points `start` … `start + count − 1` as new arrays (tests, reads across batches). */
  slice(start: number, count: number): { positions: Float32Array; time: Float32Array } {
    const positions = new Float32Array(count * 3);
    const time = new Float32Array(count);
    this.forEachRange(start, start + count, (at, p, t) => {
      positions.set(p, (at - start) * 3);
      time.set(t, at - start);
    });
    return { positions, time };
  }
}

/** The merged clouds of the page's editors, by key (`merged:FRAME:N:BUDGET`); listeners hear every change. */
export class MergedClouds {
  private readonly map = new Map<string, MergedCloud>();
  private readonly listeners = new Set<(key: string) => void>();

  create(key: string): MergedCloud {
    const c = new MergedCloud(key);
    this.map.set(key, c);
    this.notify(key);
    return c;
  }

  get(key: string): MergedCloud | undefined {
    return this.map.get(key);
  }

  delete(key: string): void {
    if (this.map.delete(key)) this.notify(key);
  }

  notify(key: string): void {
    for (const l of this.listeners) l(key);
  }

  onChange(listener: (key: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops every cloud and every listener (the page is torn down). */
  clear(): void {
    this.map.clear();
    this.listeners.clear();
  }
}
