import { describe, expect, it } from 'vitest';
import { insideSliceCrop, isUnlimited, NO_LIMIT, orderedInterval, sliceCropLimits, withEnd } from '../../../../src/domain/pointcloud/sliceAndCrop.ts';
import { finiteOnly } from '../../../../src/domain/pointcloud/finiteOnly.ts';

const OPEN = { min: null, max: null };

describe('sliceCropLimits and insideSliceCrop', () => {
  it('keeps everything with no slice and no crop', () => {
    const l = sliceCropLimits(OPEN, OPEN);
    expect(isUnlimited(l)).toBe(true);
    expect(insideSliceCrop(500, -300, 40, l)).toBe(true);
    expect(insideSliceCrop(0, 0, -1e6, l)).toBe(true);
  });

  it('slices by z and crops by horizontal distance from the sensor, ends included', () => {
    const l = sliceCropLimits({ min: -1.5, max: 1 }, { min: 5, max: 40 });
    expect(isUnlimited(l)).toBe(false);
    expect(insideSliceCrop(10, 0, 0, l)).toBe(true);
    expect(insideSliceCrop(10, 0, 1, l)).toBe(true);
    expect(insideSliceCrop(10, 0, 1.01, l)).toBe(false);
    expect(insideSliceCrop(10, 0, -1.6, l)).toBe(false);
    // Horizontal distance only: a point high above a near spot is still near.
    expect(insideSliceCrop(3, 4, 0.5, l)).toBe(true);
    expect(insideSliceCrop(3, 3.9, 0.5, l)).toBe(false);
    expect(insideSliceCrop(30, 30, 0, l)).toBe(false);
  });

  it('treats an open end as no limit, swaps ends given backwards, and floors the range at 0', () => {
    expect(sliceCropLimits({ min: null, max: 2 }, OPEN)).toEqual({ zMin: -NO_LIMIT, zMax: 2, rMin: 0, rMax: NO_LIMIT });
    expect(sliceCropLimits({ min: 3, max: -1 }, { min: 50, max: 10 })).toEqual({ zMin: -1, zMax: 3, rMin: 10, rMax: 50 });
    expect(sliceCropLimits({ min: NaN, max: Infinity }, { min: -5, max: null })).toEqual({ zMin: -NO_LIMIT, zMax: NO_LIMIT, rMin: 0, rMax: NO_LIMIT });
  });
});

describe('finiteOnly', () => {
  it('keeps the values of the finite points, in order (the render buffer order)', () => {
    const positions = new Float32Array([0, 0, 0, NaN, 1, 1, 2, 2, 2, 3, Infinity, 3, 4, 4, 4]);
    expect(Array.from(finiteOnly(new Uint16Array([1, 2, 3, 4, 5]), positions))).toEqual([1, 3, 5]);
    const all = new Uint8Array([1, 0]);
    expect(finiteOnly(all, new Float32Array([0, 0, 0, 1, 1, 1]))).toBe(all);
    expect(() => finiteOnly(new Uint8Array(3), positions)).toThrow(/finiteOnly: 3 values for 5 points/);
  });
});

describe('withEnd (one end typed into its field)', () => {
  it('moves the interval, keeping its width, to a typed end that passes an end not typed just before', () => {
    const typedMin = withEnd({ min: -1, max: 0.5 }, 'min', 1, false);
    expect(typedMin).toEqual({ min: 1, max: 2.5 });
    expect(withEnd(typedMin, 'max', 2, true)).toEqual({ min: 1, max: 2 });
    expect(withEnd({ min: 1, max: 2 }, 'max', -3, false)).toEqual({ min: -4, max: -3 });
  });

  it('swaps the ends when both were typed the wrong way round', () => {
    const typedMin = withEnd({ min: null, max: null }, 'min', 30, false);
    expect(withEnd(typedMin, 'max', 10, true)).toEqual({ min: 10, max: 30 });
  });

  it('leaves the other end alone when the typed end does not pass it, or either is open', () => {
    expect(withEnd({ min: -1, max: 0.5 }, 'min', 0, false)).toEqual({ min: 0, max: 0.5 });
    expect(withEnd({ min: -1, max: null }, 'min', 9, true)).toEqual({ min: 9, max: null });
    expect(withEnd({ min: -1, max: 0.5 }, 'max', null, false)).toEqual({ min: -1, max: null });
  });
});

describe('orderedInterval (handles that crossed)', () => {
  it('swaps a min above the max, and leaves open or ordered ends alone', () => {
    expect(orderedInterval({ min: 2, max: -2 })).toEqual({ min: -2, max: 2 });
    expect(orderedInterval({ min: -1, max: 0.5 })).toEqual({ min: -1, max: 0.5 });
    expect(orderedInterval({ min: 3, max: null })).toEqual({ min: 3, max: null });
    expect(orderedInterval({ min: null, max: -4 })).toEqual({ min: null, max: -4 });
  });
});
