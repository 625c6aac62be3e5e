import { describe, expect, it } from 'vitest';
import { createLodGeometry, UPLOAD_STEP } from '../../../src/render/lodGeometry.ts';
import type { BufferGl } from '../../../src/render/lodGeometry.ts';
import { MergedCloud } from '../../../src/io/mergedClouds.ts';

const MERGED_PAGE = 100_000;

/** A WebGL stand-in that keeps each buffer's bytes, so uploads can be read back. */
function fakeBufferGl() {
  const data = new Map<object, Uint8Array>();
  let bound: object | null = null;
  const calls: string[] = [];
  const gl = {
    ARRAY_BUFFER: 0x8892,
    STATIC_DRAW: 0x88e4,
    FLOAT: 0x1406,
    createBuffer: () => ({}),
    bindBuffer: (_t: number, b: object | null) => void (bound = b),
    bufferData: (_t: number, size: number) => {
      calls.push(`alloc ${size}`);
      data.set(bound!, new Uint8Array(size));
    },
    bufferSubData: (_t: number, at: number, src: ArrayBufferView) => {
      calls.push(`copy ${src.byteLength}@${at}`);
      data.get(bound!)!.set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength), at);
    },
    deleteBuffer: (b: object) => void data.delete(b),
  };
  return { gl: gl as unknown as BufferGl, data, calls };
}

/** A cloud of `n` points in batches of MERGED_PAGE points (coordinate k at index k, time −i). */
function cloudOf(key: string, n: number): MergedCloud {
  const c = new MergedCloud(key);
  const positions = new Float32Array(n * 3).map((_, i) => i);
  const time = new Float32Array(n).map((_, i) => -i);
  for (let at = 0; at < n; at += MERGED_PAGE) {
    const end = Math.min(n, at + MERGED_PAGE);
    c.append({ start: at, positions: positions.slice(at * 3, end * 3), time: time.slice(at, end) });
  }
  return c;
}

describe('lodGeometry (the merged cloud on the GPU)', () => {
  it('allocates the budget once with no data, then copies arrived points step by step, across batches, and draws what it is told', () => {
    const { gl, data, calls } = fakeBufferGl();
    const lod = createLodGeometry();
    const n = MERGED_PAGE + 1000;
    const cloud = cloudOf('merged:a:1:400000', n);
    const gpu = lod.of(cloud, gl, 400_000);
    expect(calls).toEqual([`alloc ${400_000 * 12}`, `alloc ${400_000 * 4}`]);
    expect(lod.gpuBytes()).toBe(400_000 * 16);
    expect(lod.of(cloud, gl, 400_000)).toBe(gpu);
    // One step at most per call.
    expect(lod.upload(gpu, n)).toBe(UPLOAD_STEP);
    lod.show(gpu, 1e9);
    expect(gpu.shown).toBe(UPLOAD_STEP);
    expect(gpu.geometry.drawRange.count).toBe(UPLOAD_STEP);
    while (lod.upload(gpu, n, 100_000) > 0);
    expect(gpu.uploaded).toBe(n);
    // The steps that crossed a batch boundary went in two copies, each at its place.
    const [posBuffer, timeBuffer] = [...data.values()];
    expect(calls.filter((c) => c.startsWith('copy')).length).toBeGreaterThan(2 * Math.ceil(n / 100_000));
    const pos = new Float32Array(posBuffer.buffer, 0, n * 3);
    const time = new Float32Array(timeBuffer.buffer, 0, n);
    expect(pos[(MERGED_PAGE - 1) * 3 + 2]).toBe((MERGED_PAGE - 1) * 3 + 2);
    expect(pos[(MERGED_PAGE + 999) * 3]).toBe((MERGED_PAGE + 999) * 3);
    expect(time[MERGED_PAGE]).toBe(-MERGED_PAGE);
    // Nothing past what arrived.
    expect(lod.upload(gpu, n + 5)).toBe(0);
  });

  it('caps what it draws (a kept cloud thinned while the next merge goes up) without forgetting what is shown', () => {
    const { gl } = fakeBufferGl();
    const lod = createLodGeometry();
    const cloud = cloudOf('merged:b:1:300000', 250_000);
    const gpu = lod.of(cloud, gl, 300_000);
    while (lod.upload(gpu, 250_000, 100_000) > 0);
    lod.show(gpu, 250_000);
    expect(gpu.geometry.drawRange.count).toBe(250_000);
    lod.cap(gpu, 65_536);
    expect(gpu.geometry.drawRange.count).toBe(65_536);
    expect(gpu.shown).toBe(250_000);
    // Shown anew while capped: still capped.
    lod.show(gpu, 200_000);
    expect(gpu.geometry.drawRange.count).toBe(65_536);
    lod.cap(gpu, Infinity);
    expect(gpu.geometry.drawRange.count).toBe(200_000);
  });

  it('keeps one set of buffers per page and cloud, and frees them apart', () => {
    const a = fakeBufferGl();
    const lodA = createLodGeometry();
    const lodB = createLodGeometry();
    const key = 'merged:000001:3:1000';
    const ga = lodA.of(cloudOf(key, 10), a.gl, 1000);
    const gb = lodB.of(cloudOf(key, 10), a.gl, 1000);
    expect(ga.geometry === gb.geometry).toBe(false);
    let freedA = false;
    ga.geometry.addEventListener('dispose', () => (freedA = true));
    lodB.disposeCloud(key);
    expect(freedA).toBe(false);
    expect(lodB.gpuBytes()).toBe(0);
    expect(lodA.gpuBytes()).toBe(16_000);
    // A new cloud under the same key (merged again) replaces the old buffers.
    const again = lodA.of(cloudOf(key, 5), a.gl, 1000);
    expect(freedA).toBe(true);
    lodA.dispose();
    expect(lodA.gpuBytes()).toBe(0);
    expect(again.uploaded).toBe(0);
  });
});
