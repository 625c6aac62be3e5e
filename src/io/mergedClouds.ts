import type { MergedBatch } from '../../workers/merge.worker.ts';

/** Points per page of a merged cloud (4 MB: positions and time); each page is one GPU geometry. */
export const MERGED_PAGE = 262_144;

/** One fixed-size page of a merged cloud: x y z interleaved (metres) and the sweep time per point. */
export interface MergedPage {
  positions: Float32Array;
  time: Float32Array;
}

/**
 * A merged multi-sweep cloud on the main thread, in level-of-detail order (any prefix is an even
 * sample), filled batch by batch as the merge worker streams it: positions (metres, the open frame's
 * LiDAR frame) and per-point time (sweeps from the open frame) in fixed pages of MERGED_PAGE points,
 * so it grows without copying and each page is drawn by its own geometry. Typed arrays live here,
 * never in the store.
 */
export class MergedCloud {
  readonly key: string;
  readonly pages: MergedPage[] = [];
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

  /** Copies a batch in at its place (`batch.start`), adding pages as needed. */
  append(batch: MergedBatch): void {
    const n = batch.time.length;
    for (let done = 0; done < n;) {
      const at = batch.start + done;
      const page = Math.floor(at / MERGED_PAGE);
      while (this.pages.length <= page) this.pages.push({ positions: new Float32Array(MERGED_PAGE * 3), time: new Float32Array(MERGED_PAGE) });
      const offset = at - page * MERGED_PAGE;
      const take = Math.min(n - done, MERGED_PAGE - offset);
      this.pages[page].positions.set(batch.positions.subarray(done * 3, (done + take) * 3), offset * 3);
      this.pages[page].time.set(batch.time.subarray(done, done + take), offset);
      done += take;
    }
    this.received = Math.max(this.received, batch.start + n);
    this.version++;
  }

  /** Points `start` … `start + count − 1` as new arrays (tests, reads across pages). */
  slice(start: number, count: number): { positions: Float32Array; time: Float32Array } {
    const positions = new Float32Array(count * 3);
    const time = new Float32Array(count);
    for (let k = 0; k < count; k++) {
      const i = start + k;
      const page = this.pages[Math.floor(i / MERGED_PAGE)];
      const o = i % MERGED_PAGE;
      positions[k * 3] = page.positions[o * 3];
      positions[k * 3 + 1] = page.positions[o * 3 + 1];
      positions[k * 3 + 2] = page.positions[o * 3 + 2];
      time[k] = page.time[o];
    }
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
