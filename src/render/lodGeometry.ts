import { BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three';
import { MERGED_PAGE } from '../io/mergedClouds.ts';
import type { MergedCloud } from '../io/mergedClouds.ts';

const BIG_SPHERE = new Sphere(new Vector3(), 1e5);

/**
 * Points sent to the GPU per rendered frame (up to 8 MB of positions and time). A page's first
 * upload is the whole page; later ones only the newly arrived range (`addUpdateRange`). The merged
 * layer uploads only once the GPU is done with its last frame (`afterGpu`): an upload behind a
 * busy GPU blocked the main thread for 1–2 s in SwiftShader (the command buffer waits for the GPU
 * process to take it); 32 MB into an idle GPU once took 3.8 s at load 28 (more than the command
 * buffer's transfer memory, so the main thread waited on a starved GPU process).
 */
export const UPLOAD_PER_TICK = 2 * MERGED_PAGE;

/** One page of the merged cloud on the GPU: its geometry and the points of it uploaded (and drawn). */
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

/**
 * A page's merged-cloud GPU geometry (see `createLodGeometry`). Each `<CuboidEditor>` has its own,
 * in its render state: two editors never share or free each other's buffers.
 */
export interface LodGeometry {
  /**
   * Draws the arrived prefix of a merged cloud (level-of-detail order: any prefix is an even sample)
   * up to `budget` points, one geometry per page of the cloud, coarse first. Called by the layer every
   * frame; once per tick it uploads at most `perTick` points (UPLOAD_PER_TICK unless given): a new page whole, then each new
   * slice of a partly filled page as an update range, so the first coarse batch shows at once and
   * later batches refine it. Returns the chunks, their list version (changes when a page is added),
   * the points drawn, whether this tick changed anything, and whether more can be uploaded now.
   */
  sync(
    cloud: MergedCloud,
    budget: number,
    tick: number,
    perTick?: number,
  ): { chunks: LodChunk[]; version: number; drawn: number; changed: boolean; more: boolean };
  /** Frees one merged cloud's GPU buffers. */
  disposeCloud(key: string): void;
  /** Bytes of merged-cloud vertex data on the GPU (whole pages of positions and time, 16 B a point). */
  gpuBytes(): number;
  /** Frees every merged cloud's GPU buffers (the editor is unmounted). */
  dispose(): void;
}

/** The merged-cloud geometries of one page: its own map of clouds, freed by `dispose`. */
export function createLodGeometry(): LodGeometry {
  const entries = new Map<string, Entry>();

  const disposeCloud = (key: string): void => {
    const e = entries.get(key);
    if (!e) return;
    for (const c of e.chunks) c.geometry.dispose();
    entries.delete(key);
  };

  const sync: LodGeometry['sync'] = (cloud, budget, tick, perTick = UPLOAD_PER_TICK) => {
    let e = entries.get(cloud.key);
    if (!e || e.cloud !== cloud) {
      if (e) disposeCloud(cloud.key);
      e = { cloud, chunks: [], lastTick: -1, version: 0 };
      entries.set(cloud.key, e);
    }
    const limit = lodLimit(cloud.received, budget);
    let changed = false;
    if (e.lastTick !== tick) {
      e.lastTick = tick;
      let left = perTick;
      while (left > 0) {
        const drawn = drawnOf(e.chunks);
        if (drawn >= limit) break;
        const p = Math.floor(drawn / MERGED_PAGE);
        const pageEnd = Math.min(limit, (p + 1) * MERGED_PAGE) - p * MERGED_PAGE;
        const chunk = e.chunks[p];
        if (!chunk) {
          // A new page: its first upload sends the whole page, with what has arrived so far.
          if (left < MERGED_PAGE && left < perTick) break;
          e.chunks.push(makeChunk(cloud, p, pageEnd));
          e.version++;
          left -= MERGED_PAGE;
        } else {
          const take = Math.min(pageEnd - chunk.count, left);
          const pos = chunk.geometry.getAttribute('position') as BufferAttribute;
          const val = chunk.geometry.getAttribute('aValue') as BufferAttribute;
          pos.addUpdateRange(chunk.count * 3, take * 3);
          val.addUpdateRange(chunk.count, take);
          pos.needsUpdate = true;
          val.needsUpdate = true;
          chunk.count += take;
          chunk.geometry.setDrawRange(0, chunk.count);
          left -= take;
        }
        changed = true;
      }
    }
    const drawn = drawnOf(e.chunks);
    return { chunks: e.chunks, version: e.version, drawn, changed, more: drawn < limit };
  };

  return {
    sync,
    disposeCloud,
    gpuBytes() {
      let n = 0;
      for (const e of entries.values()) n += e.chunks.length * MERGED_PAGE * 16;
      return n;
    },
    dispose() {
      for (const key of [...entries.keys()]) disposeCloud(key);
    },
  };
}

function drawnOf(chunks: LodChunk[]): number {
  const last = chunks[chunks.length - 1];
  return last ? last.start + last.count : 0;
}

/** Points drawn once the cloud is refined to `budget`. */
export function lodLimit(count: number, budget: number): number {
  return Math.min(count, Math.max(0, budget));
}

function makeChunk(cloud: MergedCloud, page: number, count: number): LodChunk {
  const g = new BufferGeometry();
  g.boundingSphere = BIG_SPHERE;
  g.setAttribute('position', new BufferAttribute(cloud.pages[page].positions, 3));
  g.setAttribute('aValue', new BufferAttribute(cloud.pages[page].time, 1));
  g.setDrawRange(0, count);
  return { geometry: g, start: page * MERGED_PAGE, count };
}
