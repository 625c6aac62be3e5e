import { describe, expect, it } from 'vitest';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';
import { isPointInCuboid } from '../../../../src/domain/geometry/isPointInCuboid.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { pointsInCuboids } from '../../../../src/domain/geometry/pointsInCuboids.ts';
import { makeRandom } from './testRandom.ts';

function naive(pos: Float32Array, boxes: CuboidShape[], margin = 0): number[][] {
  const n = pos.length / 3;
  return boxes.map((b) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      if (isPointInCuboid(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2], b, margin)) out.push(i);
    }
    return out;
  });
}

function cloud(n: number, rnd: () => number, span = 40): Float32Array {
  const p = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    p[3 * i] = (rnd() - 0.5) * span;
    p[3 * i + 1] = (rnd() - 0.5) * span;
    p[3 * i + 2] = (rnd() - 0.5) * 4;
  }
  return p;
}

function randomBoxes(k: number, rnd: () => number, span = 40): CuboidShape[] {
  const yaws = [Math.PI / 2, -Math.PI / 2, 0, Math.PI, -Math.PI];
  return Array.from({ length: k }, (_, j) => ({
    center: [(rnd() - 0.5) * span, (rnd() - 0.5) * span, (rnd() - 0.5) * 2] as const,
    size: [0.3 + rnd() * 8, 0.3 + rnd() * 3, 0.5 + rnd() * 3] as const,
    yaw: j < yaws.length ? yaws[j] : (rnd() - 0.5) * 2 * Math.PI,
  }));
}

function asArrays(r: { indices: Uint32Array[] }): number[][] {
  return r.indices.map((a) => Array.from(a));
}

describe('pointsInCuboids', () => {
  it('equals the naive loop on random clouds and boxes, with NaN points and ±π/2 yaws', () => {
    for (const seed of [1, 2, 3]) {
      const rnd = makeRandom(seed);
      const pos = cloud(20_000, rnd);
      for (let i = 0; i < 20_000; i += 97) pos[3 * i + (i % 3)] = NaN;
      const boxes = randomBoxes(40, rnd);
      const r = pointsInCuboids(pos, boxes);
      const want = naive(pos, boxes);
      expect(asArrays(r)).toEqual(want);
      expect(Array.from(r.counts)).toEqual(want.map((w) => w.length));
    }
  });

  it('equals the naive loop with a margin and with several cell sizes', () => {
    const rnd = makeRandom(9);
    const pos = cloud(10_000, rnd, 20);
    const boxes = randomBoxes(25, rnd, 20);
    for (const cellSize of [0.3, 1, 2.7, 50]) {
      const grid = buildPointGrid(pos, { cellSize });
      expect(asArrays(pointsInCuboids(pos, boxes, { grid, margin: 0.2 }))).toEqual(naive(pos, boxes, 0.2));
      expect(asArrays(pointsInCuboids(pos, boxes, { grid, margin: -0.1 }))).toEqual(naive(pos, boxes, -0.1));
    }
  });

  it('finds points on faces of boxes that straddle cell borders', () => {
    // Points on an exact 0.5 m lattice; boxes whose faces lie on lattice and cell lines.
    const pts: number[] = [];
    for (let x = -4; x <= 4; x += 0.5) for (let y = -4; y <= 4; y += 0.5) pts.push(x, y, 0, x, y, 1);
    const pos = new Float32Array(pts);
    const grid = buildPointGrid(pos, { cellSize: 1 });
    const boxes: CuboidShape[] = [
      { center: [0, 0, 0.5], size: [2, 2, 1], yaw: 0 },
      { center: [1, 1, 0.5], size: [2, 3, 1], yaw: Math.PI / 2 },
      { center: [-1, 0.5, 0.5], size: [3, 2, 1], yaw: -Math.PI / 2 },
      { center: [0.5, -0.5, 0.5], size: [1, 1, 1], yaw: Math.PI },
      { center: [0, 0, 0.5], size: [2.8284271247461903, 1.4142135623730951, 1], yaw: Math.PI / 4 },
    ];
    const r = pointsInCuboids(pos, boxes, { grid });
    const want = naive(pos, boxes);
    expect(asArrays(r)).toEqual(want);
    // The axis-aligned 2×2×1 box holds the 5×5 lattice points on both z levels.
    expect(r.counts[0]).toBe(50);
  });

  it('returns counts only when withIndices is false', () => {
    const rnd = makeRandom(4);
    const pos = cloud(5000, rnd);
    const boxes = randomBoxes(10, rnd);
    const r = pointsInCuboids(pos, boxes, { withIndices: false });
    expect(Array.from(r.counts)).toEqual(naive(pos, boxes).map((w) => w.length));
    expect(r.indices.every((a) => a.length === 0)).toBe(true);
  });

  it('handles no boxes, degenerate boxes, NaN boxes and infinite boxes like the naive loop', () => {
    const rnd = makeRandom(5);
    const pos = cloud(2000, rnd);
    expect(pointsInCuboids(pos, []).counts.length).toBe(0);
    const boxes: CuboidShape[] = [
      { center: [0, 0, 0], size: [0, 0, 0], yaw: 0 },
      { center: [0, 0, 0], size: [-1, 2, 2], yaw: 0 },
      { center: [NaN, 0, 0], size: [2, 2, 2], yaw: 0 },
      { center: [0, 0, 0], size: [Infinity, 2, 2], yaw: 0 },
      { center: [0, 0, 0], size: [Infinity, Infinity, Infinity], yaw: 0.3 },
      { center: [0, 0, 0], size: [2, 2, 2], yaw: NaN },
    ];
    const r = pointsInCuboids(pos, boxes);
    const want = naive(pos, boxes);
    expect(asArrays(r)).toEqual(want);
    expect(r.counts[3]).toBeGreaterThan(0);
    // Whole x–y plane, any z: every point.
    expect(r.counts[4]).toBe(2000);
  });

  it('returns ascending indices even when the box spans many cells', () => {
    const rnd = makeRandom(6);
    const pos = cloud(8000, rnd, 10);
    const r = pointsInCuboids(pos, [{ center: [0, 0, 0], size: [8, 8, 4], yaw: 0.5 }], {
      grid: buildPointGrid(pos, { cellSize: 0.5 }),
    });
    const a = Array.from(r.indices[0]);
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toEqual([...a].sort((x, y) => x - y));
  });

  it('refuses a grid built over more points than given', () => {
    const grid = buildPointGrid(new Float32Array(30));
    expect(() => pointsInCuboids(new Float32Array(6), [{ center: [0, 0, 0], size: [1, 1, 1], yaw: 0 }], { grid })).toThrow(/^pointsInCuboids: grid/);
  });
});
