import { describe, expect, it } from 'vitest';
import { frameClouds } from '../../../workers/frameClouds.ts';
import type { PointCloud } from '../../../src/domain/types.ts';

const cloud = (): PointCloud => ({ count: 1, positions: new Float32Array([1, 2, 3]), attributes: {} }) as unknown as PointCloud;

describe('the point-cloud worker’s cloud cache', () => {
  it('keeps the open frame however many prefetched frames land after it', () => {
    frameClouds.pin('open');
    frameClouds.put('open', cloud());
    for (const id of ['next1', 'next2', 'late-prefetch', 'another']) frameClouds.put(id, cloud());
    expect(frameClouds.get('open')).toBeDefined();
    // The others are a plain LRU of the remaining places.
    expect(frameClouds.get('next1')).toBeUndefined();
    expect(frameClouds.get('another')).toBeDefined();
    frameClouds.pin(null);
    for (const id of ['x', 'y', 'z']) frameClouds.put(id, cloud());
    expect(frameClouds.get('open')).toBeUndefined();
  });
});
