import { describe, expect, it } from 'vitest';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';
import { iou3d, iouBev } from '../../../../src/domain/geometry/iou.ts';

const box = (center: [number, number, number], size: [number, number, number], yaw = 0): CuboidShape => ({
  center,
  size,
  yaw,
});

describe('iouBev and iou3d golden cases', () => {
  it('identical boxes give 1', () => {
    const a = box([3, -2, 1], [4, 1.8, 1.5], 0.4);
    expect(iouBev(a, a)).toBeCloseTo(1, 12);
    expect(iou3d(a, a)).toBeCloseTo(1, 12);
  });

  it('a square box rotated by 90° gives 1; a 4×2 box rotated by 90° gives 1/3', () => {
    expect(iouBev(box([0, 0, 0], [2, 2, 2]), box([0, 0, 0], [2, 2, 2], Math.PI / 2))).toBeCloseTo(1, 12);
    expect(iou3d(box([0, 0, 0], [2, 2, 2]), box([0, 0, 0], [2, 2, 2], Math.PI / 2))).toBeCloseTo(1, 12);
    // Overlap 2×2 = 4, union 8 + 8 − 4 = 12.
    const a = box([0, 0, 0], [4, 2, 1]);
    const b = box([0, 0, 0], [4, 2, 1], Math.PI / 2);
    expect(iouBev(a, b)).toBeCloseTo(1 / 3, 12);
    expect(iou3d(a, b)).toBeCloseTo(1 / 3, 12);
  });

  it('boxes rotated by π are the same box', () => {
    expect(iouBev(box([1, 1, 0], [4, 2, 1], 0.3), box([1, 1, 0], [4, 2, 1], 0.3 + Math.PI))).toBeCloseTo(1, 12);
  });

  it('touching faces give 0 (side and top)', () => {
    const a = box([0, 0, 0], [2, 2, 2]);
    expect(iouBev(a, box([2, 0, 0], [2, 2, 2]))).toBe(0);
    expect(iou3d(a, box([2, 0, 0], [2, 2, 2]))).toBe(0);
    expect(iou3d(a, box([0, 0, 2], [2, 2, 2]))).toBe(0);
    expect(iouBev(a, box([0, 0, 2], [2, 2, 2]))).toBeCloseTo(1, 12);
  });

  it('disjoint boxes give 0', () => {
    expect(iouBev(box([0, 0, 0], [2, 2, 2]), box([10, 3, 0], [2, 2, 2], 1))).toBe(0);
    expect(iou3d(box([0, 0, 0], [2, 2, 2]), box([0, 0, 5], [2, 2, 2]))).toBe(0);
  });

  it('a nested box gives the area or volume ratio', () => {
    const big = box([0, 0, 0], [2, 2, 2], 0.2);
    const small = box([0.1, 0, 0.2], [1, 1, 1], 0.7);
    expect(iouBev(big, small)).toBeCloseTo(1 / 4, 12);
    expect(iou3d(big, small)).toBeCloseTo(1 / 8, 12);
  });

  it('a box shifted by half its length gives 1/3, in BEV and in z', () => {
    expect(iouBev(box([0, 0, 0], [2, 2, 2], 0.5), box([Math.cos(0.5), Math.sin(0.5), 0], [2, 2, 2], 0.5))).toBeCloseTo(1 / 3, 12);
    expect(iou3d(box([0, 0, 0], [4, 2, 2]), box([2, 0, 0], [4, 2, 2]))).toBeCloseTo(1 / 3, 12);
    expect(iou3d(box([0, 0, 0], [4, 2, 2]), box([0, 0, 1], [4, 2, 2]))).toBeCloseTo(1 / 3, 12);
  });

  it('a square rotated by 45° against the same square gives 1/√2', () => {
    // Overlap = 8√2 − 8 (the octagon), union = 16 − 8√2.
    const a = box([0, 0, 0], [2, 2, 1]);
    const b = box([0, 0, 0], [2, 2, 1], Math.PI / 4);
    expect(iouBev(a, b)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(iou3d(a, b)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('zero-size, negative and NaN boxes give 0, not NaN', () => {
    const a = box([0, 0, 0], [2, 2, 2]);
    expect(iouBev(a, box([0, 0, 0], [0, 0, 0]))).toBe(0);
    expect(iou3d(box([0, 0, 0], [0, 0, 0]), box([0, 0, 0], [0, 0, 0]))).toBe(0);
    expect(iou3d(a, box([0, 0, 0], [2, 2, 0]))).toBe(0);
    expect(iouBev(a, box([0, 0, 0], [-2, 2, 2]))).toBe(0);
    expect(iouBev(a, box([NaN, 0, 0], [2, 2, 2]))).toBe(0);
    expect(iou3d(a, box([0, 0, 0], [2, 2, 2], NaN))).toBe(0);
  });

  it('is symmetric', () => {
    const a = box([0.3, -0.2, 0.1], [4.1, 1.7, 1.5], 0.3);
    const b = box([0.9, 0.4, 0.3], [3.6, 1.9, 1.4], -0.5);
    expect(iouBev(a, b)).toBeCloseTo(iouBev(b, a), 12);
    expect(iou3d(a, b)).toBeCloseTo(iou3d(b, a), 12);
    expect(iou3d(a, b)).toBeLessThan(iouBev(a, b));
  });
});
