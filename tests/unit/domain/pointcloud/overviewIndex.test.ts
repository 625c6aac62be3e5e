import { describe, expect, it } from 'vitest';
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
