import { describe, expect, it } from 'vitest';
import { renderIndexMap } from '../../../../src/domain/pointcloud/renderIndexMap.ts';
import { overviewIndex } from '../../../../src/domain/pointcloud/overviewIndex.ts';

describe('overviewIndex', () => {
  it('is a permutation of every point', () => {
    const idx = overviewIndex(1003, 100);
    expect([...idx].sort((a, b) => a - b)).toEqual(Array.from({ length: 1003 }, (_, i) => i));
  });

  it('starts with an even sample of the cloud', () => {
    const idx = overviewIndex(1000, 100);
    expect([...idx.subarray(0, 100)]).toEqual(Array.from({ length: 100 }, (_, i) => i * 10));
  });

  it('is the identity when the cloud fits the budget', () => {
    expect([...overviewIndex(5, 10)]).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('renderIndexMap', () => {
  it('is null when every point is finite', () => {
    expect(renderIndexMap(new Float32Array([1, 2, 3, 4, 5, 6]))).toBeNull();
  });

  it('skips NaN points and numbers the rest in file order', () => {
    const map = renderIndexMap(new Float32Array([1, 1, 1, NaN, NaN, NaN, 2, 2, 2, 3, Infinity, 3, 4, 4, 4]));
    expect([...map!]).toEqual([0, -1, 1, -1, 2]);
  });
});
