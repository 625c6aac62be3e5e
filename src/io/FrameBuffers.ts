import type { RenderBatch } from '../domain/pointcloud/toRenderBatch.ts';
import type { LoadSummary } from '../../workers/loadPointStream.ts';

/**
 * The GPU-side point data of one frame: finite points only, preallocated from the file header and
 * filled batch by batch while the file streams. Lives outside the store (typed arrays never enter it).
 */
export class FrameBuffers {
  readonly frameId: string;
  positions: Float32Array;
  scalars: Record<string, Float32Array> = {};
  colors: Uint8Array | null = null;
  renderCount = 0;
  /** Incremented on every change; render code compares it to know what to upload. */
  version = 0;
  /** Ranges appended since the renderer last uploaded, as [start, count] in points. */
  dirty: [number, number][] = [];
  /** Set when the buffers were reallocated (the renderer must rebuild its attributes). */
  reallocated = true;
  /** Set once the whole file has arrived. */
  complete = false;
  /** The worker's summary of the complete file (counts, fields, colour ranges). */
  summary: LoadSummary | null = null;

  constructor(frameId: string, capacity: number) {
    this.frameId = frameId;
    this.positions = new Float32Array(Math.max(capacity, 1) * 3);
  }

  get capacity(): number {
    return this.positions.length / 3;
  }

  get byteSize(): number {
    let n = this.positions.byteLength + (this.colors?.byteLength ?? 0);
    for (const s of Object.values(this.scalars)) n += s.byteLength;
    return n;
  }

  /** Copies one worker batch into place, growing the buffers if the header under-stated the size. */
  append(batch: RenderBatch): void {
    const end = batch.renderStart + batch.count;
    if (end > this.capacity) this.grow(Math.max(end, this.capacity * 2));
    this.positions.set(batch.positions, batch.renderStart * 3);
    for (const [name, values] of Object.entries(batch.scalars)) {
      let target = this.scalars[name];
      if (!target) {
        target = new Float32Array(this.capacity);
        this.scalars[name] = target;
        this.reallocated = true;
      }
      target.set(values, batch.renderStart);
    }
    if (batch.colors) {
      if (!this.colors) {
        this.colors = new Uint8Array(this.capacity * 3);
        this.reallocated = true;
      }
      this.colors.set(batch.colors, batch.renderStart * 3);
    }
    this.renderCount = Math.max(this.renderCount, end);
    this.dirty.push([batch.renderStart, batch.count]);
    this.version++;
  }

  private grow(capacity: number): void {
    const p = new Float32Array(capacity * 3);
    p.set(this.positions);
    this.positions = p;
    for (const [name, values] of Object.entries(this.scalars)) {
      const s = new Float32Array(capacity);
      s.set(values);
      this.scalars[name] = s;
    }
    if (this.colors) {
      const c = new Uint8Array(capacity * 3);
      c.set(this.colors);
      this.colors = c;
    }
    this.reallocated = true;
  }
}
