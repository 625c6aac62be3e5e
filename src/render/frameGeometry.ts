import { BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three';
import type { FrameCache } from '../io/frameCache.ts';
import type { FrameBuffers } from '../io/FrameBuffers.ts';
import { overviewIndex } from '../domain/pointcloud/overviewIndex.ts';
import type { PointTags } from './pointTags.ts';

const BIG_SPHERE = new Sphere(new Vector3(), 1e5);

/** Points per chunk: each chunk goes to the GPU once, when it is full (or the file ends). */
export const CHUNK_POINTS = 65536;
/** Most chunks uploaded per rendered frame, so a burst of batches never stalls the page. */
const CHUNKS_PER_TICK = 3;

/** A slice of a frame's points with its own geometry, shared by every view that draws the frame. */
export interface FrameChunk {
  geometry: BufferGeometry;
  start: number;
  count: number;
}

interface Entry {
  chunks: FrameChunk[];
  buffers: FrameBuffers | null;
  colorMode: string;
  ratio: number;
  lastTick: number;
  /** Bumped whenever the chunk list changes, so views can rebuild their draw objects. */
  version: number;
}

/** A page's GPU geometry of its cached frames' points (see `createFrameGeometry`). */
export interface FrameGeometry {
  /**
   * Returns true while complete points are still waiting for a chunk (the caller asks for another
   * frame: rendering is on demand).
   *
   * Turns newly complete runs of points into chunk geometries (each uploaded once, so a 5M-point
   * stream never stalls the page on one huge buffer). Called by every view each frame; the work is
   * done once per tick. Beyond `budget` points each chunk draws an even sample of itself.
   */
  sync(frameId: string, colorMode: string, tick: number, budget?: number): boolean;
  /** The frame's chunks (possibly empty) and their list version. */
  chunks(frameId: string): { chunks: FrameChunk[]; version: number };
  /** Frees the GPU buffers of a frame. */
  disposeFrame(frameId: string): void;
  /** Number of frames with live geometry (for memory tests). */
  count(): number;
  /** Frees every frame's GPU buffers and stops following the cache (the page is torn down). */
  dispose(): void;
}

/**
 * The chunk geometries of one page's frames, over its frame cache (following its evictions) and
 * its point tags. Each `<CuboidEditor>` has its own: two editors never share GPU buffers.
 */
export function createFrameGeometry(frameCache: FrameCache, pointTags: PointTags): FrameGeometry {
  const entries = new Map<string, Entry>();
  /** Geometry follows the frame cache's evictions; subscribed on first use, not when built. */
  let stopFollowing: (() => void) | null = null;

  const disposeFrame = (frameId: string): void => {
    const entry = entries.get(frameId);
    if (!entry) return;
    for (const c of entry.chunks) c.geometry.dispose();
    entries.delete(frameId);
  };

  const entryOf = (frameId: string): Entry => {
    stopFollowing ??= frameCache.onEvict((id) => disposeFrame(id));
    let entry = entries.get(frameId);
    if (!entry) {
      entry = { chunks: [], buffers: null, colorMode: '', ratio: 1, lastTick: -1, version: 0 };
      entries.set(frameId, entry);
    }
    return entry;
  };

  const sync = (frameId: string, colorMode: string, tick: number, budget = Infinity): boolean => {
    // Only frames in the cache get geometry: an evicted frame's layer may render once more.
    const buffers = frameCache.peek(frameId);
    if (!buffers) return false;
    const entry = entryOf(frameId);
    if (entry.lastTick === tick) return false;
    entry.lastTick = tick;
    if (entry.buffers === buffers && !buffers.reallocated && entry.colorMode !== colorMode) {
      // A colour change: swap the colour attributes, keep the uploaded positions.
      entry.colorMode = colorMode;
      for (const c of entry.chunks) setColorAttributes(c.geometry, buffers, colorMode, c.start, c.count);
    }
    if (entry.buffers !== buffers || buffers.reallocated) {
      // New or reallocated buffers: rebuild every chunk over the current arrays.
      for (const c of entry.chunks) c.geometry.dispose();
      entry.chunks = [];
      entry.buffers = buffers;
      entry.colorMode = colorMode;
      buffers.reallocated = false;
      entry.version++;
    }
    buffers.dirty = [];
    const total = buffers.complete ? buffers.renderCount : buffers.capacity;
    const ratio = Number.isFinite(budget) && total > budget ? budget / total : 1;
    if (entry.ratio !== ratio) {
      entry.ratio = ratio;
      for (const c of entry.chunks) applyBudget(c, ratio);
    }
    let next = entry.chunks.length * CHUNK_POINTS;
    let added = 0;
    while (next < buffers.renderCount && added < CHUNKS_PER_TICK) {
      const end = Math.min(next + CHUNK_POINTS, buffers.renderCount);
      const full = end - next === CHUNK_POINTS;
      if (!full && !buffers.complete) break;
      const chunk = makeChunk(buffers, colorMode, next, end - next);
      applyBudget(chunk, ratio);
      entry.chunks.push(chunk);
      next = end;
      added++;
    }
    if (added > 0) entry.version++;
    // The worker's per-point tags (box, ground) for the visibility filters, once they change.
    for (const c of entry.chunks) pointTags.syncAttributes(frameId, c.geometry, c.start, c.count);
    return next < buffers.renderCount && (buffers.complete || buffers.renderCount - next >= CHUNK_POINTS);
  };

  return {
    sync,
    chunks(frameId) {
      const e = entries.get(frameId);
      return e ? { chunks: e.chunks, version: e.version } : { chunks: [], version: -1 };
    },
    disposeFrame,
    count: () => entries.size,
    dispose() {
      for (const id of [...entries.keys()]) disposeFrame(id);
      stopFollowing?.();
      stopFollowing = null;
    },
  };
}

function makeChunk(buffers: FrameBuffers, colorMode: string, start: number, count: number): FrameChunk {
  const g = new BufferGeometry();
  g.boundingSphere = BIG_SPHERE;
  g.setAttribute('position', new BufferAttribute(buffers.positions.subarray(start * 3, (start + count) * 3), 3));
  setColorAttributes(g, buffers, colorMode, start, count);
  return { geometry: g, start, count };
}

/** Only the attribute the colour mode reads goes to the GPU (a missing attribute reads as 0). */
function setColorAttributes(g: BufferGeometry, buffers: FrameBuffers, colorMode: string, start: number, count: number): void {
  const values = buffers.scalars[colorMode];
  if (values) g.setAttribute('aValue', new BufferAttribute(values.subarray(start, start + count), 1));
  else g.deleteAttribute('aValue');
  if (colorMode === 'rgb' && buffers.colors) {
    g.setAttribute('aColor', new BufferAttribute(buffers.colors.subarray(start * 3, (start + count) * 3), 3, true));
  } else g.deleteAttribute('aColor');
}

/** Draws an even sample of `ratio` of the chunk's points (all of them when ratio is 1). */
function applyBudget(chunk: FrameChunk, ratio: number): void {
  if (ratio >= 1) {
    chunk.geometry.setIndex(null);
    chunk.geometry.setDrawRange(0, chunk.count);
    return;
  }
  const keep = Math.max(1, Math.floor(chunk.count * ratio));
  chunk.geometry.setIndex(new BufferAttribute(overviewIndex(chunk.count, keep), 1));
  chunk.geometry.setDrawRange(0, keep);
}
