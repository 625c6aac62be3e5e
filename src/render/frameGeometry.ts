import { BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three';
import { frameCache } from '../io/frameCache.ts';
import type { FrameBuffers } from '../io/FrameBuffers.ts';

const BIG_SPHERE = new Sphere(new Vector3(), 1e5);

interface Entry {
  geometry: BufferGeometry;
  buffers: FrameBuffers | null;
  colorMode: string;
  lastTick: number;
}

const entries = new Map<string, Entry>();

frameCache.onEvict((frameId) => disposeFrameGeometry(frameId));

/**
 * The one BufferGeometry of a frame, shared by every view (main, top, side, front), so the points go to
 * the GPU once. Created on first use; disposed when the frame leaves the cache.
 */
export function getFrameGeometry(frameId: string): BufferGeometry {
  let entry = entries.get(frameId);
  if (!entry) {
    const geometry = new BufferGeometry();
    geometry.boundingSphere = BIG_SPHERE;
    entry = { geometry, buffers: null, colorMode: '', lastTick: -1 };
    entries.set(frameId, entry);
  }
  return entry.geometry;
}

/**
 * Uploads what arrived since the last call (once per rendered frame, whichever view calls first).
 * `tick` is the renderer's frame counter.
 */
export function syncFrameGeometry(frameId: string, colorMode: string, tick: number): void {
  const entry = entries.get(frameId);
  if (!entry || entry.lastTick === tick) return;
  entry.lastTick = tick;
  const buffers = frameCache.peek(frameId);
  const geometry = entry.geometry;
  if (!buffers) {
    geometry.setDrawRange(0, 0);
    return;
  }
  if (entry.buffers !== buffers || buffers.reallocated || entry.colorMode !== colorMode) {
    geometry.setAttribute('position', new BufferAttribute(buffers.positions, 3));
    geometry.setAttribute('aValue', new BufferAttribute(buffers.scalars[colorMode] ?? new Float32Array(buffers.capacity), 1));
    geometry.setAttribute('aColor', new BufferAttribute(buffers.colors ?? new Uint8Array(buffers.capacity * 3), 3, true));
    buffers.reallocated = false;
    buffers.dirty = [];
    entry.buffers = buffers;
    entry.colorMode = colorMode;
  } else if (buffers.dirty.length > 0) {
    for (const name of ['position', 'aValue', 'aColor']) {
      const attr = geometry.getAttribute(name) as BufferAttribute | undefined;
      if (!attr) continue;
      for (const [start, count] of buffers.dirty) attr.addUpdateRange(start * attr.itemSize, count * attr.itemSize);
      attr.needsUpdate = true;
    }
    buffers.dirty = [];
  }
  geometry.setDrawRange(0, buffers.renderCount);
}

/** Frees the GPU buffers of a frame. */
export function disposeFrameGeometry(frameId: string): void {
  const entry = entries.get(frameId);
  if (!entry) return;
  entry.geometry.dispose();
  entries.delete(frameId);
}

/** Number of live frame geometries (for memory tests). */
export function frameGeometryCount(): number {
  return entries.size;
}
