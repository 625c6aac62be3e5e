import type { MergedBatch } from '../../workers/merge.worker.ts';

/**
 * A merged multi-sweep cloud on the main thread, in level-of-detail order (any prefix is an even
 * sample): positions (metres, the open frame's LiDAR frame) and per-point time (sweeps from the open
 * frame), filled batch by batch. Typed arrays live here, never in the store.
 */
export class MergedCloud {
  readonly key: string;
  positions: Float32Array;
  time: Float32Array;
  /** Points that have arrived, from the start of the order. */
  received = 0;
  complete = false;
  /** Bumped on every change. */
  version = 0;

  constructor(key: string, count: number) {
    this.key = key;
    this.positions = new Float32Array(count * 3);
    this.time = new Float32Array(count);
  }

  get count(): number {
    return this.time.length;
  }

  append(batch: MergedBatch): void {
    this.positions.set(batch.positions, batch.start * 3);
    this.time.set(batch.time, batch.start);
    this.received = Math.max(this.received, batch.start + batch.time.length);
    this.version++;
  }
}

/** The merged clouds of the page's editors, by key (`merged:FRAME:N`); listeners hear every change. */
class MergedClouds {
  private readonly map = new Map<string, MergedCloud>();
  private readonly listeners = new Set<(key: string) => void>();

  create(key: string, count: number): MergedCloud {
    const c = new MergedCloud(key, count);
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
}

export const mergedClouds = new MergedClouds();
