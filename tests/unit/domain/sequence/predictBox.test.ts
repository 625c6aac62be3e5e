import { describe, expect, it } from 'vitest';
import { predictBox, yawDelta } from '../../../../src/domain/sequence/predictBox.ts';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';

const box = (x: number, y: number, yaw: number, z = -0.9): CuboidShape => ({ center: [x, y, z], size: [4, 1.8, 1.5], yaw });

describe('yawDelta', () => {
  it('is the signed shortest turn, across ±π', () => {
    expect(yawDelta(0.1, 0.3)).toBeCloseTo(0.2, 12);
    expect(yawDelta(3.0, -3.0)).toBeCloseTo(2 * Math.PI - 6, 12);
    expect(yawDelta(-3.0, 3.0)).toBeCloseTo(6 - 2 * Math.PI, 12);
    expect(yawDelta(0, 7 * Math.PI)).toBeCloseTo(Math.PI, 12);
  });
});

describe('predictBox', () => {
  it('keeps a single box where it is (no motion known)', () => {
    const b = box(10, 2, 0.4);
    const p = predictBox([b]);
    expect(p).toEqual(b);
    expect(p.center).not.toBe(b.center);
  });

  it('applies the last step and yaw change once more (constant velocity and yaw rate)', () => {
    const p = predictBox([box(10, 2, 0.1), box(10.5, 1.8, 0.15, -0.88)]);
    expect(p.center[0]).toBeCloseTo(11, 12);
    expect(p.center[1]).toBeCloseTo(1.6, 12);
    expect(p.center[2]).toBeCloseTo(-0.86, 12);
    expect(p.yaw).toBeCloseTo(0.2, 12);
    expect(p.size).toEqual([4, 1.8, 1.5]);
  });

  it('uses only the last two boxes of a longer history', () => {
    const p = predictBox([box(0, 0, 0), box(5, 0, 0), box(5.2, 0, 0)]);
    expect(p.center[0]).toBeCloseTo(5.4, 12);
  });

  it('turns through ±π along the short way and normalises the result', () => {
    const p = predictBox([box(0, 0, 3.0), box(0, 0, -3.1)]);
    // 3.0 → −3.1 is a turn of +0.183 rad; once more gives −2.917.
    expect(p.yaw).toBeCloseTo(-3.1 + (2 * Math.PI - 6.1), 12);
    expect(p.yaw).toBeGreaterThan(-Math.PI);
  });

  it('clamps the step and the yaw change', () => {
    const p = predictBox([box(0, 0, 0), box(8, 6, 1)], { maxStep: 2, maxYawRate: 0.1 });
    expect(p.center[0]).toBeCloseTo(8 + 1.6, 12);
    expect(p.center[1]).toBeCloseTo(6 + 1.2, 12);
    expect(p.yaw).toBeCloseTo(1.1, 12);
    const q = predictBox([box(0, 0, 0), box(8, 0, -1)]);
    expect(q.center[0]).toBeCloseTo(11, 12);
    expect(q.yaw).toBeCloseTo(-1.3, 12);
  });

  it('ignores motion it cannot measure (NaN) and throws on an empty history', () => {
    const p = predictBox([box(Number.NaN, 0, Number.NaN), box(3, 0, 0.2)]);
    expect(p.center).toEqual([3, 0, -0.9]);
    expect(p.yaw).toBeCloseTo(0.2, 12);
    expect(() => predictBox([])).toThrow(/predictBox: history is empty/);
  });
});
