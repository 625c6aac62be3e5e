import { describe, expect, it } from 'vitest';
import { mergeSweeps, sweepWindow } from '../../../../src/domain/lod/mergeSweeps.ts';
import { pickInGrid } from '../../../../src/domain/lod/pickInGrid.ts';
import { pickPointNearRay } from '../../../../src/domain/geometry/pickPointNearRay.ts';
import { buildPointGrid } from '../../../../src/domain/geometry/PointGrid.ts';
import { rigidFromYaw } from '../../../../src/domain/poses/rigid.ts';
import type { Vec3 } from '../../../../src/domain/types.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('mergeSweeps', () => {
  it('puts a static point seen from two ego poses in one place of the target frame', () => {
    const world: Vec3 = [20, 3, 0.5];
    const poseA = rigidFromYaw(0, [0, 0, 0]);
    const poseB = rigidFromYaw(0.3, [5, 1, 0]);
    // The point in each sweep's own LiDAR frame.
    const local = (yaw: number, t: Vec3): number[] => {
      const dx = world[0] - t[0];
      const dy = world[1] - t[1];
      return [Math.cos(yaw) * dx + Math.sin(yaw) * dy, -Math.sin(yaw) * dx + Math.cos(yaw) * dy, world[2] - t[2]];
    };
    const merged = mergeSweeps(
      [
        { positions: new Float32Array([...local(0, [0, 0, 0]), NaN, 0, 0]), pose: poseA, time: 0 },
        { positions: new Float32Array(local(0.3, [5, 1, 0])), pose: poseB, time: 1 },
      ],
      poseB,
    );
    expect(merged.count).toBe(2);
    expect(Array.from(merged.time)).toEqual([0, 1]);
    const [x0, y0, z0, x1, y1, z1] = merged.positions;
    expect(Math.hypot(x0 - x1, y0 - y1, z0 - z1)).toBeLessThan(1e-4);
  });

  it('windows nearest first and stops at a frame of another sequence', () => {
    const s = (sequence: string) => ({ sequence });
    expect(sweepWindow([s('a'), s('a'), s('a'), s('b'), s('b')], 1, 3)).toEqual([1, 2, 0]);
    expect(sweepWindow([s('a'), null], 1, 3)).toEqual([]);
  });
});

describe('pickInGrid', () => {
  it('finds the same point as the linear scan', () => {
    const r = rng(3);
    const n = 30_000;
    const p = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) p.set([r() * 80 - 40, r() * 80 - 40, r() * 3 - 2], i * 3);
    const grid = buildPointGrid(p);
    for (let k = 0; k < 40; k++) {
      const origin: Vec3 = [r() * 40 - 20, r() * 40 - 20, 5 + r() * 30];
      const target = [p[k * 3], p[k * 3 + 1], p[k * 3 + 2]];
      const dir: Vec3 = [target[0] - origin[0], target[1] - origin[1], target[2] - origin[2]];
      expect(pickInGrid(grid, [-2, 1], origin, dir)).toBe(pickPointNearRay(p, origin, dir));
    }
    expect(pickInGrid(grid, [-2, 1], [0, 0, 50], [0, 0, 1])).toBe(-1);
  });
});
