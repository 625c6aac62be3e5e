import { describe, expect, it } from 'vitest';
import { fnv1a32, splitFrames } from '../../../../src/server/export/splitFrames.ts';

const ids = Array.from({ length: 100 }, (_, i) => String(i).padStart(6, '0'));

describe('splitFrames', () => {
  it('hashes with FNV-1a (32-bit reference values)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('puts round(n · fraction) frames in train, sorted, and the rest in val', () => {
    const { train, val } = splitFrames(ids, 0.8, 's');
    expect(train).toHaveLength(80);
    expect(val).toHaveLength(20);
    expect([...train, ...val].sort()).toEqual(ids);
    expect(train).toEqual([...train].sort());
  });

  it('is deterministic, and the seed changes it', () => {
    expect(splitFrames([...ids].reverse(), 0.8, 's')).toEqual(splitFrames(ids, 0.8, 's'));
    expect(splitFrames(ids, 0.8, 't').val).not.toEqual(splitFrames(ids, 0.8, 's').val);
  });

  it('moves at most one frame when a frame is added', () => {
    const before = splitFrames(ids, 0.8, 's');
    const after = splitFrames([...ids, 'new'], 0.8, 's');
    const moved = before.train.filter((id) => !after.train.includes(id)).length + before.val.filter((id) => !after.val.includes(id)).length;
    expect(moved).toBeLessThanOrEqual(1);
  });

  it('keeps both sides non-empty for small sets and honours 0 and 1', () => {
    expect(splitFrames(['a', 'b', 'c'], 0.9, 's').val).toHaveLength(1);
    expect(splitFrames(['a', 'b', 'c'], 0.1, 's').train).toHaveLength(1);
    expect(splitFrames(['a', 'b'], 1, 's')).toEqual({ train: ['a', 'b'], val: [] });
    expect(splitFrames(['a', 'b'], 0, 's')).toEqual({ train: [], val: ['a', 'b'] });
    expect(splitFrames([], 0.8, 's')).toEqual({ train: [], val: [] });
  });
});
