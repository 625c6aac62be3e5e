import { describe, expect, it } from 'vitest';
import { imageRectOfBox } from '../../../../src/sim/camera/imageRectOfBox.ts';
import type { Aabb } from '../../../../src/sim/primitives/primitiveBounds.ts';

// A camera at the origin looking along +x (y left, z up): u = 320 − 400·y/x, v = 240 − 400·z/x.
const M = [320, -400, 0, 0, 240, 0, -400, 0, 1, 0, 0, 0];
const W = 640;
const H = 480;

function pixelOf(x: number, y: number, z: number): [number, number] {
  return [320 - (400 * y) / x, 240 - (400 * z) / x];
}

/** Points of a box on a 6×6×6 grid. */
function gridPoints(b: Aabb): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i <= 5; i++)
    for (let j = 0; j <= 5; j++)
      for (let k = 0; k <= 5; k++) {
        out.push([b[0] + ((b[3] - b[0]) * i) / 5, b[1] + ((b[4] - b[1]) * j) / 5, b[2] + ((b[5] - b[2]) * k) / 5]);
      }
  return out;
}

function expectCovers(b: Aabb, near: number): void {
  const r = imageRectOfBox(b, M, W, H, near);
  expect(r).not.toBeNull();
  for (const [x, y, z] of gridPoints(b)) {
    if (x < near) continue;
    const [u, v] = pixelOf(x, y, z);
    if (u < 0 || u > W - 1 || v < 0 || v > H - 1) continue;
    expect(u).toBeGreaterThanOrEqual(r!.u0);
    expect(u).toBeLessThanOrEqual(r!.u1);
    expect(v).toBeGreaterThanOrEqual(r!.v0);
    expect(v).toBeLessThanOrEqual(r!.v1);
  }
}

describe('imageRectOfBox', () => {
  it('bounds the projected corners of a box in front, one pixel of margin', () => {
    const b: Aabb = [10, -1, -1, 12, 1, 0.5];
    // Extreme corners: u from 320 − 40 = 280 to 360, v from 240 − 20 = 220 to 280.
    expect(imageRectOfBox(b, M, W, H)).toEqual({ u0: 279, v0: 219, u1: 361, v1: 281 });
    expectCovers(b, 0.05);
  });

  it('keeps the part in front of the near plane of a box that reaches behind the camera', () => {
    const b: Aabb = [-20, -8, -1.7, 30, -6, -1.5];
    expectCovers(b, 0.05);
    const r = imageRectOfBox(b, M, W, H)!;
    // Its near-plane crossing lies far out to the right and below: the rect reaches the image edges.
    expect(r.u1).toBe(W - 1);
    expect(r.v1).toBe(H - 1);
    expect(r.u0).toBeGreaterThan(320);
  });

  it('returns null behind the camera or off the image, and the whole image for unbounded boxes', () => {
    expect(imageRectOfBox([-10, -1, -1, -5, 1, 1], M, W, H)).toBeNull();
    expect(imageRectOfBox([10, 50, -1, 12, 60, 1], M, W, H)).toBeNull();
    expect(imageRectOfBox([-Infinity, -Infinity, 0, Infinity, Infinity, 0], M, W, H)).toEqual({ u0: 0, v0: 0, u1: W - 1, v1: H - 1 });
  });
});
