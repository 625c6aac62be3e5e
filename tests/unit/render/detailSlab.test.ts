import { describe, expect, it } from 'vitest';
import { boxesInSlab, reachesSlab } from '../../../src/render/detailSlab.ts';

const car = (id: string, center: [number, number, number], yaw = 0) => ({ id, center, size: [4, 2, 1.5] as [number, number, number], yaw });

describe('close-up slabs', () => {
  const focus = car('f', [10, 0, -1]);

  it("the side view (looking along the box's y) leaves out a car in the next lane, the front view one ahead", () => {
    const nextLane = car('lane', [10, 3.5, -1]);
    const ahead = car('ahead', [16, 0, -1]);
    // Side view: slab |y| ≤ 1 + 0.6 (focus) + 1 (the other box's half width).
    expect(reachesSlab(nextLane, focus, 'side', 0.6)).toBe(false);
    expect(reachesSlab(ahead, focus, 'side', 0.6)).toBe(true);
    // Front view: slab |x − 10| ≤ 2 + 0.6 + 2.
    expect(reachesSlab(ahead, focus, 'front', 0.6)).toBe(false);
    expect(reachesSlab(nextLane, focus, 'front', 0.6)).toBe(true);
    // Top view: along z, both are at the same height.
    expect(boxesInSlab([focus, nextLane, ahead], focus, 'top', 1.5).map((b) => b.id)).toEqual(['f', 'lane', 'ahead']);
    expect(boxesInSlab([focus, nextLane, ahead], focus, 'side', 0.6).map((b) => b.id)).toEqual(['f', 'ahead']);
  });

  it("follows the focus box's heading and the other box's own extent when turned", () => {
    const turned = { ...focus, yaw: Math.PI / 2 }; // heading +y: the side view looks along −x
    expect(reachesSlab(car('x', [10, 6, -1]), turned, 'side', 0.6)).toBe(true);
    expect(reachesSlab(car('x', [14, 0, -1]), turned, 'side', 0.6)).toBe(false);
    // A box turned across the axis reaches 2 m towards the slab instead of 1 m.
    expect(reachesSlab(car('y', [10, 3.4, -1], Math.PI / 2), focus, 'side', 0.6)).toBe(true);
    expect(reachesSlab(car('y', [10, 3.4, -1]), focus, 'side', 0.6)).toBe(false);
  });
});
