import { describe, expect, it } from 'vitest';
import { StreamingOrder } from '../../../../src/domain/lod/streamingOrder.ts';
import { VoxelCounter } from '../../../../src/domain/lod/voxelCounter.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const voxelOf = (p: Float32Array, i: number, cell: number): string =>
  [Math.floor(p[i * 3] / cell), Math.floor(p[i * 3 + 1] / cell), Math.floor(p[i * 3 + 2] / cell)].join();

function checkEarlyRanks(p: Float32Array, n: number, expected: number): void {
  const lod = new StreamingOrder(1, expected);
  const first = lod.add(p, 0, n / 2);
  expect(first.length).toBe(lod.coarse);
  // 6,000 points in 1,000 voxels (6 a voxel): 4,000 of twice as many with the same mix fall below about rank 2.
  const est = lod.rankForBudget(8_000, 2);
  expect(est).toBeGreaterThanOrEqual(1);
  expect(est).toBeLessThanOrEqual(4);
  expect(lod.rankForBudget(1e9, 1)).toBeGreaterThan(4000);
  const second = lod.add(p, n / 2, n, 4);
  expect(lod.sent).toBe(first.length + second.length);
  const { order } = lod.refine();
  const all = [...first, ...second, ...order];
  expect(all.length).toBe(n);
  expect(new Set(all).size).toBe(n);
  const counts = new Map<string, number>();
  for (const i of second) {
    const v = voxelOf(p, i, 1);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  for (const c of counts.values()) expect(c).toBeLessThanOrEqual(4);
  const held = lod.below(3, 1_000_000);
  const perVoxel = new Map<string, number>();
  for (const i of held) perVoxel.set(voxelOf(p, i, 1), (perVoxel.get(voxelOf(p, i, 1)) ?? 0) + 1);
  expect(Math.max(...perVoxel.values())).toBe(3);
  expect(lod.below(3, 1_500).length).toBeLessThanOrEqual(1_500);
}

describe('StreamingOrder', () => {
  it('answers each sweep’s new voxels at once, and the rest by rank: together every finite point once', () => {
    const r = rng(3);
    const sweeps = 5;
    const per = 4_000;
    const p = new Float32Array(sweeps * per * 3);
    // Each sweep: a 10 m cube seen again, shifted 2 m further along x (new voxels at the front).
    for (let s = 0; s < sweeps; s++) for (let i = 0; i < per; i++) p.set([r() * 10 + 2 * s, r() * 10, r() * 10], (s * per + i) * 3);
    p[7 * 3 + 1] = NaN;
    const lod = new StreamingOrder(1, 1024);
    const coarse: number[] = [];
    const seen = new Set<string>();
    for (let s = 0; s < sweeps; s++) {
      const opened = lod.add(p, s * per, (s + 1) * per);
      for (const i of opened) {
        const v = voxelOf(p, i, 1);
        expect(seen.has(v)).toBe(false);
        seen.add(v);
        coarse.push(i);
      }
      // After the first sweep only the 2 m slab ahead is new: 200 of its 1,000 voxels (and the few the earlier sweeps left empty).
      if (s > 0) expect(opened.length).toBeLessThanOrEqual(240);
    }
    const truth = new Set<string>();
    for (let i = 0; i < sweeps * per; i++) if (i !== 7) truth.add(voxelOf(p, i, 1));
    expect(seen).toEqual(truth);
    expect(lod.coarse).toBe(coarse.length);
    const { order, levelStart } = lod.refine();
    const all = [...coarse, ...order];
    expect(all.length).toBe(sweeps * per - 1);
    expect(new Set(all).size).toBe(all.length);
    expect(all.includes(7)).toBe(false);
    expect(levelStart[levelStart.length - 1]).toBe(order.length);
    // Rank 1 comes first in the refinement: a second point of a voxel already drawn.
    const rank1 = new Set<string>();
    for (let k = 0; k < levelStart[1]; k++) rank1.add(voxelOf(p, order[k], 1));
    expect(rank1.size).toBe(levelStart[1]);
  });

  it('keeps every sparse far point ahead of a budget that thins a dense cluster', () => {
    const r = rng(4);
    const dense = 30_000;
    const far = 150;
    const p = new Float32Array((dense + far) * 3);
    for (let i = 0; i < dense; i++) p.set([r() * 2, r() * 2, r() * 2], i * 3);
    for (let j = 0; j < far; j++) p.set([60 + j, 5, 0.5], (dense + j) * 3);
    const lod = new StreamingOrder(0.5, 16);
    const opened = lod.add(p, 0, dense + far);
    const ids = new Set(opened);
    for (let j = 0; j < far; j++) expect(ids.has(dense + j)).toBe(true);
    expect(opened.length).toBe(64 + far);
  });

  it('answers the low ranks early when asked, and refine keeps the rest; below thins to a few points a voxel', () => {
    const r = rng(5);
    const n = 12_000;
    const p = new Float32Array(n * 3);
    for (let i = 0; i < n * 3; i++) p[i] = r() * 10;
    // Buffers sized up front (no growth) and grown from small: the same answers.
    for (const expected of [16, 100_000]) checkEarlyRanks(p, n, expected);
  });

  it('ranks again from nothing after reset, and after reserve, as a new order would', () => {
    const r = rng(11);
    const n = 6_000;
    const a = new Float32Array(n * 3).map(() => r() * 12);
    const b = new Float32Array(n * 3).map(() => r() * 8 - 20);
    const fresh = (p: Float32Array) => {
      const lod = new StreamingOrder(0.5, 64);
      const opened = [...lod.add(p, 0, n / 2), ...lod.add(p, n / 2, n, 3)];
      return { opened, order: [...lod.refine().order], coarse: lod.coarse, sent: lod.sent };
    };
    const reused = new StreamingOrder(0.5, 64);
    reused.add(a, 0, n);
    reused.refine();
    reused.reset();
    reused.reserve(3 * n);
    expect(reused.count).toBe(0);
    const opened = [...reused.add(b, 0, n / 2), ...reused.add(b, n / 2, n, 3)];
    expect({ opened, order: [...reused.refine().order], coarse: reused.coarse, sent: reused.sent }).toEqual(fresh(b));
  });

  it('refuses a range that does not continue the last one, and a bad cell size', () => {
    const lod = new StreamingOrder(1, 4);
    lod.add(new Float32Array(6), 0, 2);
    expect(() => lod.add(new Float32Array(12), 3, 4)).toThrow(/StreamingOrder\.add: range 3…4 must start at 2/);
    expect(() => new StreamingOrder(0)).toThrow(/cellSize/);
  });
});

describe('VoxelCounter', () => {
  it('counts points per voxel through growth, negative cells included', () => {
    const c = new VoxelCounter(4);
    const bump = (ix: number, iy: number, iz: number): number => c.bumpSlot(c.slotOf(ix, iy, iz));
    for (let i = 0; i < 5_000; i++) expect(bump(i - 2500, -i, i % 7)).toBe(0);
    expect(bump(-2500, 0, 0)).toBe(1);
    expect(bump(-2500, 0, 0)).toBe(2);
    expect(c.voxels).toBe(5_000);
  });

  it('gives slots that count like bump, and a new generation when the table grows', () => {
    const c = new VoxelCounter(4);
    const h = c.slotOf(3, -1, 2);
    expect(c.slotOf(3, -1, 2)).toBe(h);
    expect([c.bumpSlot(h), c.bumpSlot(h), c.bumpSlot(c.slotOf(3, -1, 2))]).toEqual([0, 1, 2]);
    const before = c.generation;
    for (let i = 0; i < 5_000; i++) c.slotOf(i, i, 0);
    expect(c.generation).toBeGreaterThan(before);
    expect(c.bumpSlot(c.slotOf(3, -1, 2))).toBe(3);
  });
});
