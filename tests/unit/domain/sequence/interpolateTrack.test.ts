import { describe, expect, it } from 'vitest';
import { interpolateTrack, meanSize } from '../../../../src/domain/sequence/interpolateTrack.ts';
import { yawDelta } from '../../../../src/domain/sequence/predictBox.ts';
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';
import type { Vec3 } from '../../../../src/domain/types.ts';

const box = (x: number, y: number, yaw: number, size: Vec3 = [4, 1.8, 1.5]): CuboidShape => ({ center: [x, y, -0.95], size, yaw });

describe('interpolateTrack', () => {
  it('gives one box per frame strictly between the keyframes, positions linear', () => {
    const out = interpolateTrack({ index: 2, box: box(10, 0, 0) }, { index: 6, box: box(18, -4, 0) });
    expect(out.map((b) => b.index)).toEqual([3, 4, 5]);
    expect(out[0].box.center[0]).toBeCloseTo(12, 12);
    expect(out[1].box.center[1]).toBeCloseTo(-2, 12);
    expect(out[2].box.center[0]).toBeCloseTo(16, 12);
    expect(out[2].box.center[2]).toBeCloseTo(-0.95, 12);
  });

  it('turns along the shortest path across ±π, in equal steps, never flipping', () => {
    const a = { index: 0, box: box(0, 0, 3.0) };
    const b = { index: 5, box: box(5, 0, -3.0) };
    const out = interpolateTrack(a, b);
    expect(out).toHaveLength(4);
    const yaws = [a.box.yaw, ...out.map((o) => o.box.yaw), b.box.yaw];
    const step = (2 * Math.PI - 6) / 5;
    for (let i = 1; i < yaws.length; i++) {
      expect(yawDelta(yaws[i - 1], yaws[i])).toBeCloseTo(step, 12);
      expect(Math.abs(yaws[i])).toBeGreaterThan(2.99);
      expect(yaws[i]).toBeGreaterThan(-Math.PI);
      expect(yaws[i]).toBeLessThanOrEqual(Math.PI);
    }
  });

  it('takes the short way the other direction too (−170° to +170° is 20°, not 340°)', () => {
    const deg = Math.PI / 180;
    const out = interpolateTrack({ index: 0, box: box(0, 0, -170 * deg) }, { index: 2, box: box(0, 0, 170 * deg) });
    expect(Math.abs(out[0].box.yaw)).toBeCloseTo(Math.PI, 12);
  });

  it('locks the size to the mean of the keyframes by default, interpolates it on request', () => {
    const a = { index: 0, box: box(0, 0, 0, [4, 1.8, 1.4]) };
    const b = { index: 4, box: box(4, 0, 0, [4.4, 2.0, 1.6]) };
    for (const o of interpolateTrack(a, b)) {
      expect(o.box.size[0]).toBeCloseTo(4.2, 12);
      expect(o.box.size[1]).toBeCloseTo(1.9, 12);
      expect(o.box.size[2]).toBeCloseTo(1.5, 12);
    }
    const lin = interpolateTrack(a, b, { size: 'interpolate' });
    expect(lin[0].box.size[0]).toBeCloseTo(4.1, 12);
    expect(lin[2].box.size[2]).toBeCloseTo(1.55, 12);
  });

  it('is the same whichever keyframe comes first, and empty for adjacent or equal frames', () => {
    const a = { index: 1, box: box(0, 0, 0.2) };
    const b = { index: 4, box: box(3, 3, 0.5) };
    expect(interpolateTrack(b, a)).toEqual(interpolateTrack(a, b));
    expect(interpolateTrack(a, { index: 2, box: b.box })).toEqual([]);
    expect(interpolateTrack(a, a)).toEqual([]);
  });
});

describe('meanSize', () => {
  it('averages component-wise and refuses an empty list', () => {
    expect(
      meanSize([
        [4, 2, 1],
        [2, 1, 2],
      ]),
    ).toEqual([3, 1.5, 1.5]);
    expect(() => meanSize([])).toThrow(/meanSize: no sizes/);
  });
});
