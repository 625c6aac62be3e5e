import { describe, expect, it } from 'vitest';
import { planInterpolation } from '../../../../src/domain/sequence/planInterpolation.ts';
import { frames, keyframe, trackBox } from './sequenceFixtures.ts';

const seq = frames(
  [trackBox('a', 0, keyframe)],
  [trackBox('a', 7, { id: 'a-1', attributes: { needsAttention: true } })],
  [],
  [trackBox('a', 30, keyframe)],
  [],
  [trackBox('a', 50, keyframe)],
);

describe('planInterpolation', () => {
  it('fills the frames between the keyframes around a frame, keeping ids of boxes already there', () => {
    const plan = planInterpolation(seq, 'a', 1);
    expect(plan.segments).toEqual([[0, 3]]);
    expect(plan.updates.map((u) => [u.frameId, u.index, u.cuboid.center[0]])).toEqual([
      ['f1', 1, 10],
      ['f2', 2, 20],
    ]);
    expect(plan.updates[0].cuboid.id).toBe('a-1');
    expect(plan.updates[0].cuboid.attributes.needsAttention).toBeUndefined();
    expect(plan.updates[0].cuboid.attributes.keyframe).toBeUndefined();
    expect(plan.updates[1].cuboid.source).toBe('manual');
  });

  it('on a keyframe, fills both sides of it', () => {
    const plan = planInterpolation(seq, 'a', 3);
    expect(plan.segments).toEqual([
      [0, 3],
      [3, 5],
    ]);
    expect(plan.updates.map((u) => u.frameId)).toEqual(['f1', 'f2', 'f4']);
    expect(plan.updates[2].cuboid.center[0]).toBeCloseTo(40, 12);
  });

  it('plans nothing without a keyframe on both sides of a non-keyframe', () => {
    expect(planInterpolation(seq, 'a', 4).segments).toEqual([[3, 5]]);
    expect(planInterpolation(frames([trackBox('b', 0, keyframe)], []), 'b', 1)).toEqual({ segments: [], updates: [] });
    expect(planInterpolation(seq, 'nobody', 2).updates).toEqual([]);
  });
});
