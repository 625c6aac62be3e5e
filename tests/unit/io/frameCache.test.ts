import { describe, expect, it } from 'vitest';
import { FrameCache } from '../../../src/io/frameCache.ts';

describe('FrameCache', () => {
  it('clear drops every frame and tells the eviction listeners', () => {
    const cache = new FrameCache();
    const evicted: string[] = [];
    cache.onEvict((id) => evicted.push(id));
    cache.create('a', 10);
    cache.create('b', 10);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(evicted).toEqual(['a', 'b']);
    cache.create('c', 10);
    expect(cache.size).toBe(1);
  });

  it('after close, a batch that lands late (posted before the worker ended) is handed buffers but not kept', () => {
    const cache = new FrameCache();
    cache.create('a', 10);
    cache.close();
    expect(cache.size).toBe(0);
    const late = cache.create('b', 4);
    expect(late.frameId).toBe('b');
    expect(cache.size).toBe(0);
    expect(cache.peek('b')).toBeUndefined();
  });
});
