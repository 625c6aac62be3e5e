import { FrameBuffers } from './FrameBuffers.ts';

const DEFAULT_BUDGET_BYTES = 768 * 1024 * 1024;

/**
 * Byte-bounded LRU of frames' point buffers, keyed by frame id. The current frame is never evicted.
 */
export class FrameCache {
  private readonly frames = new Map<string, FrameBuffers>();
  budgetBytes = DEFAULT_BUDGET_BYTES;
  /** The frame on screen: never evicted. */
  current: string | null = null;
  private listeners = new Set<(frameId: string) => void>();
  /** Set by `close`: the page is torn down, and what lands afterwards is not kept. */
  private closed = false;

  /**
   * A frame's buffers, kept under its id. On a closed cache they are handed back but not kept: a
   * batch the worker posted before it was terminated can still arrive after the page was torn down.
   */
  create(frameId: string, capacity: number): FrameBuffers {
    const buffers = new FrameBuffers(frameId, capacity);
    if (this.closed) return buffers;
    this.frames.delete(frameId);
    this.frames.set(frameId, buffers);
    return buffers;
  }

  get(frameId: string): FrameBuffers | undefined {
    const b = this.frames.get(frameId);
    if (b) {
      this.frames.delete(frameId);
      this.frames.set(frameId, b);
    }
    return b;
  }

  /** Reads without touching recency (for the render loop). */
  peek(frameId: string): FrameBuffers | undefined {
    return this.frames.get(frameId);
  }

  /** Drops least recently used frames until the cache fits its budget; `keep` is never dropped. */
  evict(keep: string): void {
    let total = this.totalBytes();
    for (const [id, b] of this.frames) {
      if (total <= this.budgetBytes) break;
      if (id === keep || id === this.current) continue;
      this.frames.delete(id);
      total -= b.byteSize;
      for (const l of this.listeners) l(id);
    }
  }

  delete(frameId: string): void {
    this.frames.delete(frameId);
  }

  /** Drops every frame (telling eviction listeners, so GPU resources go too) and every listener. */
  clear(): void {
    for (const id of [...this.frames.keys()]) {
      this.frames.delete(id);
      for (const l of this.listeners) l(id);
    }
    this.current = null;
    this.listeners.clear();
    this.changeListeners.clear();
  }

  /** Clears the cache for good (the page is torn down): frames that land afterwards are not kept. */
  close(): void {
    this.closed = true;
    this.clear();
  }

  totalBytes(): number {
    let n = 0;
    for (const b of this.frames.values()) n += b.byteSize;
    return n;
  }

  get size(): number {
    return this.frames.size;
  }

  private changeListeners = new Set<(frameId: string) => void>();

  /** Tells subscribers that a frame's points changed (a batch landed, the file completed). */
  notifyChange(frameId: string): void {
    for (const l of this.changeListeners) l(frameId);
  }

  /** Subscribes to point changes (on-demand rendering redraws on them). */
  onChange(listener: (frameId: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Subscribes to evictions, so renderers can dispose GPU resources. */
  onEvict(listener: (frameId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
