import { StreamingOrder } from '../../domain/lod/streamingOrder.ts';

/** A merge's working memory: its points (x y z), their sweep times and its ranking. */
export interface MergeBuffers {
  positions: Float32Array;
  time: Float32Array;
  lod: StreamingOrder;
}

/**
 * The last merge's buffers, reused by the next one in this thread. On this machine fresh memory
 * costs a page fault per 4 KB on first touch: a 50-sweep merge's 100 MB took ~400 ms of a 1.1 s
 * merge to fault in, and reused it took none. Held while the thread lives (it ends after 10 idle
 * minutes).
 */
let spare: MergeBuffers | null = null;

/** The spare buffers (reset), or new empty ones when a merge holds them. */
export function takeBuffers(): MergeBuffers {
  const b = spare ?? { positions: new Float32Array(0), time: new Float32Array(0), lod: new StreamingOrder(0.4, 262_144) };
  spare = null;
  b.lod.reset();
  return b;
}

/** Hands a finished merge's buffers (grown as it needed) back for the next merge. */
export function giveBack(b: MergeBuffers): void {
  spare = b;
}

/**
 * Grows the spare buffers to `points` points and writes them once (the thread warm-up does this
 * for a window of the dataset's sweeps), so the first merge finds its memory mapped.
 */
export function reserveBuffers(points: number): void {
  const b = takeBuffers();
  if (b.time.length < points) {
    b.positions = new Float32Array(points * 3);
    b.time = new Float32Array(points);
  }
  b.positions.fill(0);
  b.time.fill(0);
  b.lod.reserve(points);
  giveBack(b);
}
