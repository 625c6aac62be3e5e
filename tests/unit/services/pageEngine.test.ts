import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserPageIo } from '../../../src/services/pageIo.ts';
import { createRenderState } from '../../../src/render/renderState.ts';
import { memoryStorage } from '../../helpers/testPage.ts';
import type { FrameCache } from '../../../src/io/frameCache.ts';

/** A stand-in for the browser's Worker: records what was started and what was terminated. */
class FakeWorker {
  static started: FakeWorker[] = [];
  terminated = false;
  constructor(readonly url: URL) {
    FakeWorker.started.push(this);
  }
  postMessage(): void {}
  addEventListener(): void {}
  removeEventListener(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

/** A complete frame of `n` points in `cache` (what a finished stream leaves behind). */
function cachedFrame(cache: FrameCache, frameId: string, n: number): void {
  const b = cache.create(frameId, n);
  b.append({ renderStart: 0, count: n, positions: new Float32Array(n * 3), scalars: {}, colors: null } as never);
  b.complete = true;
}

describe('the page engine (one per editor)', () => {
  beforeEach(() => {
    FakeWorker.started = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('window', { localStorage: memoryStorage() });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives two editors their own workers, frame cache, ground maps and merged clouds', () => {
    const a = browserPageIo();
    const b = browserPageIo();
    // Workers start on first use, not when the engine is built.
    expect(FakeWorker.started).toHaveLength(0);
    a.worker();
    a.checksWorker();
    a.mergeWorker();
    b.worker();
    expect(FakeWorker.started).toHaveLength(4);
    expect(a.worker()).toBe(a.worker());
    expect(a.worker()).not.toBe(b.worker());
    expect(FakeWorker.started).toHaveLength(4);
    expect(FakeWorker.started.map((w) => w.url.pathname.split('/').pop())).toEqual([
      'pointCloud.worker.ts',
      'checks.worker.ts',
      'merge.worker.ts',
      'pointCloud.worker.ts',
    ]);

    expect(a.frameCache).not.toBe(b.frameCache);
    cachedFrame(a.frameCache, '000001', 4);
    expect(a.frameCache.peek('000001')).toBeDefined();
    expect(b.frameCache.peek('000001')).toBeUndefined();

    expect(a.groundCache).not.toBe(b.groundCache);
    expect(a.mergedClouds).not.toBe(b.mergedClouds);
    a.mergedClouds.create('merged:000001:2');
    expect(b.mergedClouds.get('merged:000001:2')).toBeUndefined();
  });

  it('ends its workers and drops its caches on dispose, and starts afresh when used again', () => {
    const a = browserPageIo();
    const b = browserPageIo();
    a.worker();
    a.checksWorker();
    b.worker();
    const [aPoints, aChecks, bPoints] = FakeWorker.started;
    cachedFrame(a.frameCache, '000001', 4);
    a.mergedClouds.create('merged:000001:2');
    const evicted: string[] = [];
    a.frameCache.onEvict((id) => evicted.push(id));

    a.dispose?.();
    expect(aPoints.terminated).toBe(true);
    expect(aChecks.terminated).toBe(true);
    // The other editor's engine is untouched.
    expect(bPoints.terminated).toBe(false);
    expect(a.frameCache.size).toBe(0);
    expect(evicted).toEqual(['000001']);
    expect(a.mergedClouds.get('merged:000001:2')).toBeUndefined();

    // A remount (React strict mode) uses the engine again: a new worker, not the terminated one.
    a.worker();
    expect(FakeWorker.started).toHaveLength(4);
    expect(FakeWorker.started[3].terminated).toBe(false);
  });

  it('gives each editor its own frame geometry and point tags, freed on dispose', () => {
    const a = browserPageIo();
    const b = browserPageIo();
    const ra = createRenderState(a.frameCache);
    const rb = createRenderState(b.frameCache);
    cachedFrame(a.frameCache, '000001', 10);
    cachedFrame(b.frameCache, '000001', 10);

    ra.frameGeometry.sync('000001', 'height', 1);
    rb.frameGeometry.sync('000001', 'height', 1);
    const [chunkA] = ra.frameGeometry.chunks('000001').chunks;
    const [chunkB] = rb.frameGeometry.chunks('000001').chunks;
    expect(chunkA.geometry).not.toBe(chunkB.geometry);

    ra.pointTags.setTable({ data: new Uint8Array(4), width: 1, height: 1 }, true);
    expect(ra.pointTags.table()).not.toBeNull();
    expect(rb.pointTags.table()).toBeNull();

    let geometryFreed = false;
    let textureFreed = false;
    chunkA.geometry.addEventListener('dispose', () => (geometryFreed = true));
    ra.pointTags.table()!.addEventListener('dispose', () => (textureFreed = true));
    ra.dispose();
    a.dispose?.();
    expect(geometryFreed).toBe(true);
    expect(textureFreed).toBe(true);
    expect(ra.frameGeometry.count()).toBe(0);
    expect(ra.pointTags.table()).toBeNull();
    // The other editor still draws its frame.
    expect(rb.frameGeometry.count()).toBe(1);
    expect(rb.frameGeometry.chunks('000001').chunks[0].geometry).toBe(chunkB.geometry);
  });

  it('frees an editor’s merged-cloud buffers when that editor unmounts', () => {
    const a = browserPageIo();
    const ra = createRenderState(a.frameCache);
    const key = 'merged:000001:3:1000';
    const cloud = a.mergedClouds.create(key);
    cloud.append({ start: 0, positions: new Float32Array(30), time: new Float32Array(10) } as never);
    const gl = {
      ARRAY_BUFFER: 1,
      STATIC_DRAW: 2,
      FLOAT: 3,
      createBuffer: () => ({}),
      bindBuffer: () => undefined,
      bufferData: () => undefined,
      bufferSubData: () => undefined,
      deleteBuffer: () => undefined,
    };
    const gpu = ra.lodGeometry.of(cloud, gl as never, 1000);
    let freed = false;
    gpu.geometry.addEventListener('dispose', () => (freed = true));
    expect(ra.lodGeometry.gpuBytes()).toBeGreaterThan(0);
    ra.dispose();
    expect(freed).toBe(true);
    expect(ra.lodGeometry.gpuBytes()).toBe(0);
  });

  it('frees a frame’s geometry when its own cache evicts the frame, not when another editor’s does', () => {
    const a = browserPageIo();
    const b = browserPageIo();
    const ra = createRenderState(a.frameCache);
    const rb = createRenderState(b.frameCache);
    for (const [io, r] of [
      [a, ra],
      [b, rb],
    ] as const) {
      cachedFrame(io.frameCache, '000001', 10);
      r.frameGeometry.sync('000001', 'height', 1);
    }
    a.frameCache.budgetBytes = 0;
    cachedFrame(a.frameCache, '000002', 10);
    a.frameCache.evict('000002');
    expect(ra.frameGeometry.count()).toBe(0);
    expect(rb.frameGeometry.count()).toBe(1);
  });
});
