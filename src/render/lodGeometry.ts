import { BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three';
import type { MergedCloud } from '../io/mergedClouds.ts';

const BIG_SPHERE = new Sphere(new Vector3(), 1e5);

/** Points per LOD chunk; each goes to the GPU once. */
export const LOD_CHUNK = 262_144;
/**
 * Chunks uploaded per rendered frame (4 MB): a bigger upload in one frame blocked the main thread
 * for over 500 ms in SwiftShader (the command buffer waits for the GPU process to take it).
 */
const CHUNKS_PER_TICK = 1;

export interface LodChunk {
  geometry: BufferGeometry;
  start: number;
  count: number;
}

interface Entry {
  cloud: MergedCloud;
  chunks: LodChunk[];
  lastTick: number;
  version: number;
}

const entries = new Map<string, Entry>();

/**
 * Turns the arrived prefix of a merged cloud (level-of-detail order: any prefix is an even sample)
 * into chunk geometries, coarse first, up to `budget` points: the first chunk alone already covers
 * the whole merge, each later one refines it. Called by the layer every frame; the work is done
 * once per tick. Returns the chunks, their list version, the points drawn, and whether more can
 * be uploaded (the caller asks for another frame).
 */
export function syncLodGeometry(cloud: MergedCloud, budget: number, tick: number): { chunks: LodChunk[]; version: number; drawn: number; more: boolean } {
  let e = entries.get(cloud.key);
  if (!e || e.cloud !== cloud) {
    if (e) disposeLod(cloud.key);
    e = { cloud, chunks: [], lastTick: -1, version: 0 };
    entries.set(cloud.key, e);
  }
  const limit = lodLimit(cloud.count, budget);
  let next = e.chunks.length === 0 ? 0 : e.chunks[e.chunks.length - 1].start + e.chunks[e.chunks.length - 1].count;
  if (e.lastTick !== tick) {
    e.lastTick = tick;
    let added = 0;
    while (next < limit && added < CHUNKS_PER_TICK) {
      const end = Math.min(next + LOD_CHUNK, limit);
      if (end > cloud.received) break;
      e.chunks.push(makeChunk(cloud, next, end - next));
      next = end;
      added++;
    }
    if (added > 0) e.version++;
  }
  return { chunks: e.chunks, version: e.version, drawn: next, more: next < limit && Math.min(next + LOD_CHUNK, limit) <= cloud.received };
}

/** Points drawn once the cloud is refined to `budget` (at least one chunk). */
export function lodLimit(count: number, budget: number): number {
  return Math.min(count, Math.max(LOD_CHUNK, budget));
}

function makeChunk(cloud: MergedCloud, start: number, count: number): LodChunk {
  const g = new BufferGeometry();
  g.boundingSphere = BIG_SPHERE;
  g.setAttribute('position', new BufferAttribute(cloud.positions.subarray(start * 3, (start + count) * 3), 3));
  g.setAttribute('aValue', new BufferAttribute(cloud.time.subarray(start, start + count), 1));
  return { geometry: g, start, count };
}

/** Frees a merged cloud's GPU buffers. */
export function disposeLod(key: string): void {
  const e = entries.get(key);
  if (!e) return;
  for (const c of e.chunks) c.geometry.dispose();
  entries.delete(key);
}

/** Bytes of merged-cloud vertex data on the GPU (positions and time, 16 B a point). */
export function lodGpuBytes(): number {
  let n = 0;
  for (const e of entries.values()) for (const c of e.chunks) n += c.count * 16;
  return n;
}
