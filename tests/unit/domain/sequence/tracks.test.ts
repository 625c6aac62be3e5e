import { describe, expect, it } from 'vitest';
import { findTrackBox, listTracks, nearestKeyframes, trackBoxes, trackBoxIds, trackHistory } from '../../../../src/domain/sequence/tracks.ts';
import { frames, keyframe, trackBox } from './sequenceFixtures.ts';

const seq = frames(
  [trackBox('a', 0, keyframe), trackBox('b', 20)],
  [trackBox('a', 1), trackBox(null, 5)],
  [trackBox('a', 2, { label: 'Van' }), trackBox('b', 22, { attributes: { needsAttention: true } })],
  [trackBox('a', 3, { ...keyframe, label: 'Van' }), trackBox('c', -5)],
  [trackBox('a', 4, { label: 'Van' })],
);

describe('listTracks', () => {
  it('lists tracks in order of first appearance with their frames, label, counts and keyframes', () => {
    const tracks = listTracks(seq);
    expect(tracks.map((t) => t.trackId)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = tracks;
    expect(a.frameIds).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    expect(a.frameIndices).toEqual([0, 1, 2, 3, 4]);
    expect(a.boxCount).toBe(5);
    expect(a.label).toBe('Van');
    expect(a.keyframeIds).toEqual(['f0', 'f3']);
    expect(a.attentionCount).toBe(0);
    expect(b.frameIds).toEqual(['f0', 'f2']);
    expect(b.attentionCount).toBe(1);
    expect(b.attentionIds).toHaveLength(1);
    expect(a.attentionIds).toEqual([]);
    expect(c).toMatchObject({ label: 'Car', boxCount: 1, frameIndices: [3] });
  });

  it('leaves out boxes without a track and is empty for an empty sequence', () => {
    expect(listTracks(frames([trackBox(null, 1)]))).toEqual([]);
    expect(listTracks([])).toEqual([]);
  });

  it('counts a frame once even with two boxes of one track', () => {
    const t = listTracks(frames([trackBox('a', 0), trackBox('a', 9, { id: 'dup' })]));
    expect(t[0].frameIds).toEqual(['f0']);
    expect(t[0].boxCount).toBe(2);
  });
});

describe('track box helpers', () => {
  it('find the track box in a frame, its ids, and its boxes across frames', () => {
    expect(findTrackBox(seq[2], 'b')?.center[0]).toBe(22);
    expect(findTrackBox(seq[1], 'b')).toBeUndefined();
    expect(trackBoxIds(seq[0], 'a')).toEqual(['a@0']);
    expect(trackBoxes(seq, 'b').map((t) => [t.index, t.frameId, t.box.id])).toEqual([
      [0, 'f0', 'b@20'],
      [2, 'f2', 'b@22'],
    ]);
  });

  it('finds the nearest keyframes strictly before and after a frame', () => {
    expect(nearestKeyframes(seq, 'a', 1)).toMatchObject({ before: { index: 0 }, after: { index: 3 } });
    expect(nearestKeyframes(seq, 'a', 3)).toMatchObject({ before: { index: 0 }, after: null });
    expect(nearestKeyframes(seq, 'a', 0)).toMatchObject({ before: null, after: { index: 3 } });
    expect(nearestKeyframes(seq, 'b', 1)).toEqual({ before: null, after: null });
  });

  it('gives the history of consecutive boxes ending at a frame, oldest first', () => {
    expect(trackHistory(seq, 'a', 2).map((c) => c.center[0])).toEqual([1, 2]);
    expect(trackHistory(seq, 'a', 4, 3).map((c) => c.center[0])).toEqual([2, 3, 4]);
    expect(trackHistory(seq, 'b', 2).map((c) => c.center[0])).toEqual([22]);
    expect(trackHistory(seq, 'b', 1)).toEqual([]);
    expect(trackHistory(seq, 'a', 9)).toEqual([]);
  });
});
