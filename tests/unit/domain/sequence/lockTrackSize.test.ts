import { describe, expect, it } from 'vitest';
import { lockTrackSize, trackSize } from '../../../../src/domain/sequence/lockTrackSize.ts';
import { frames, keyframe, trackBox } from './sequenceFixtures.ts';

describe('lockTrackSize', () => {
  const seq = frames(
    [trackBox('a', 0, { ...keyframe, size: [4, 2, 1.6] }), trackBox('b', 20)],
    [trackBox('a', 1, { size: [5, 3, 1] })],
    [trackBox('a', 2, { ...keyframe, size: [4.4, 1.8, 1.4] })],
    [trackBox('b', 22)],
  );

  it('sizes every box of the track like the mean of its keyframes, bottoms kept', () => {
    const r = lockTrackSize(seq, 'a');
    expect(r.size![0]).toBeCloseTo(4.2, 12);
    expect(r.size![1]).toBeCloseTo(1.9, 12);
    expect(r.size![2]).toBeCloseTo(1.5, 12);
    expect(r.changedFrameIds).toEqual(['f0', 'f1', 'f2']);
    r.frames.slice(0, 3).forEach((f, i) => {
      const a = f.cuboids.find((c) => c.trackId === 'a')!;
      const before = seq[i].cuboids.find((c) => c.trackId === 'a')!;
      expect(a.size).toEqual(r.size);
      expect(a.center[2] - a.size[2] / 2).toBeCloseTo(before.center[2] - before.size[2] / 2, 12);
      expect(a.center.slice(0, 2)).toEqual(before.center.slice(0, 2));
    });
    expect(r.frames[3]).toBe(seq[3]);
    expect(r.frames[0].cuboids[1]).toBe(seq[0].cuboids[1]);
  });

  it('takes a given size, and the mean of all boxes when the track has no keyframe', () => {
    const r = lockTrackSize(seq, 'a', [3, 1.5, 1.5]);
    expect(r.frames[1].cuboids[0].size).toEqual([3, 1.5, 1.5]);
    const s = trackSize(frames([trackBox('x', 0, { size: [4, 2, 2] })], [trackBox('x', 1, { size: [2, 2, 1] })]), 'x');
    expect(s).toEqual([3, 2, 1.5]);
  });

  it('changes nothing for an unknown track or a track already locked', () => {
    const none = lockTrackSize(seq, 'zzz');
    expect(none.size).toBeNull();
    expect(none.changedFrameIds).toEqual([]);
    const same = lockTrackSize(seq, 'b');
    expect(same.changedFrameIds).toEqual([]);
    expect(same.frames[0]).toBe(seq[0]);
  });

  it('drops the kept KITTI 2D fields of a resized box', () => {
    const withKitti = { ...trackBox('k', 0), kitti2d: { alpha: 0, bbox: [0, 0, 1, 1] as [number, number, number, number] } };
    const r = lockTrackSize(frames([withKitti]), 'k', [1, 1, 1]);
    expect(r.frames[0].cuboids[0].kitti2d).toBeUndefined();
  });
});
