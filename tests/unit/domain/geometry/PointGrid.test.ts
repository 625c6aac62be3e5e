import { describe, expect, it } from 'vitest';
import { buildPointGrid, cellRange, queryRect } from '../../../../src/domain/geometry/PointGrid.ts';
import { makeRandom } from './testRandom.ts';

function randomCloud(n: number, seed: number, nanEvery = 0): Float32Array {
  const rnd = makeRandom(seed);
  const p = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    p[3 * i] = rnd() * 60 - 30;
    p[3 * i + 1] = rnd() * 40 - 20;
    p[3 * i + 2] = rnd() * 4 - 2;
    if (nanEvery > 0 && i % nanEvery === 0) p[3 * i + (i % 3)] = i % 2 ? NaN : Infinity;
  }
  return p;
}

describe('buildPointGrid', () => {
  it('holds every finite point exactly once, in its own cell, ascending within a cell', () => {
    const pos = randomCloud(5000, 1, 17);
    const g = buildPointGrid(pos, { cellSize: 1.5 });
    const finite = Array.from({ length: 5000 }, (_, i) => i).filter((i) => [0, 1, 2].every((k) => Number.isFinite(pos[3 * i + k])));
    expect(g.indices.length).toBe(finite.length);
    expect(Array.from(g.indices).sort((a, b) => a - b)).toEqual(finite);
    expect(g.cellStart[g.nx * g.ny]).toBe(finite.length);
    for (let k = 0; k < g.nx * g.ny; k++) {
      for (let p = g.cellStart[k]; p < g.cellStart[k + 1]; p++) {
        const i = g.indices[p];
        const ix = Math.min(g.nx - 1, Math.floor((pos[3 * i] - g.originX) / g.cellSize));
        const iy = Math.min(g.ny - 1, Math.floor((pos[3 * i + 1] - g.originY) / g.cellSize));
        expect(iy * g.nx + ix).toBe(k);
        expect(g.sorted[3 * p + 2]).toBe(pos[3 * i + 2]);
        if (p > g.cellStart[k]) expect(g.indices[p - 1]).toBeLessThan(i);
      }
    }
  });

  it('chooses a cell size from the density when none is given', () => {
    const g = buildPointGrid(randomCloud(100_000, 2));
    expect(g.cellSize).toBeGreaterThanOrEqual(0.25);
    expect(g.cellSize).toBeLessThanOrEqual(8);
    // About 12 points per cell on this uniform cloud.
    expect(100_000 / (g.nx * g.ny)).toBeGreaterThan(6);
    expect(100_000 / (g.nx * g.ny)).toBeLessThan(24);
  });

  it('uses only the first count points', () => {
    const pos = randomCloud(100, 3);
    const g = buildPointGrid(pos, { count: 10 });
    expect(g.pointCount).toBe(10);
    expect(Math.max(...g.indices)).toBe(9);
  });

  it('handles a cloud with no finite point and a single point', () => {
    const empty = buildPointGrid(new Float32Array([NaN, 0, 0, 1, Infinity, 0]));
    expect(empty.indices.length).toBe(0);
    const one = buildPointGrid(new Float32Array([5, 5, 5]));
    expect(one.nx * one.ny).toBe(1);
    expect(Array.from(one.indices)).toEqual([0]);
  });

  it('keeps the grid bounded when a far outlier stretches the bounds', () => {
    const pos = new Float32Array([0, 0, 0, 1e7, 1e7, 0]);
    const g = buildPointGrid(pos, { cellSize: 0.1 });
    expect(g.nx * g.ny).toBeLessThanOrEqual(1 << 22);
    expect(g.indices.length).toBe(2);
  });

  it('rejects a bad cellSize or count with a prefixed message', () => {
    expect(() => buildPointGrid(new Float32Array(3), { cellSize: 0 })).toThrow(/^buildPointGrid: cellSize/);
    expect(() => buildPointGrid(new Float32Array(3), { count: 2 })).toThrow(/^buildPointGrid: count 2/);
  });
});

describe('queryRect', () => {
  it('returns exactly the points in the rectangle, boundary inclusive', () => {
    const pos = randomCloud(3000, 4, 11);
    // Put two points exactly on the query edges.
    pos.set([2, 3, 0], 0);
    pos.set([-4, -1, 0], 3);
    const g = buildPointGrid(pos, { cellSize: 1 });
    const got: number[] = [];
    queryRect(g, -4, -1, 2, 3, (i) => got.push(i));
    const want: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const [x, y, z] = [pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]];
      if (Number.isFinite(z) && x >= -4 && x <= 2 && y >= -1 && y <= 3) want.push(i);
    }
    expect(got.sort((a, b) => a - b)).toEqual(want);
    expect(want).toContain(0);
    expect(want).toContain(1);
  });

  it('returns nothing for a rectangle off the grid or with NaN bounds', () => {
    const g = buildPointGrid(randomCloud(100, 5));
    const got: number[] = [];
    queryRect(g, 100, 100, 200, 200, (i) => got.push(i));
    queryRect(g, NaN, 0, 1, 1, (i) => got.push(i));
    expect(got).toEqual([]);
    expect(cellRange(g, 1, 1, 0, 0)).toBeNull();
  });
});
