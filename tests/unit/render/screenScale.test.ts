import { describe, expect, it } from 'vitest';
import { metresPerPixel, screenScale } from '../../../src/render/screenScale.ts';

describe('screen-sized markers', () => {
  it('turns pixels into metres for orthographic and perspective views', () => {
    expect(metresPerPixel({ kind: 'ortho', worldHeight: 80, pixelHeight: 800 })).toBeCloseTo(0.1, 12);
    // 90° field of view, 10 m deep: 20 m of height over 400 px.
    expect(metresPerPixel({ kind: 'perspective', fovDeg: 90, depth: 10, pixelHeight: 400 })).toBeCloseTo(0.05, 12);
    expect(metresPerPixel({ kind: 'ortho', worldHeight: 80, pixelHeight: 0 })).toBe(0);
  });

  it('keeps a 2.6 m pin 40 px tall whether the view shows 8 m or 800 m', () => {
    const close = screenScale({ kind: 'ortho', worldHeight: 8, pixelHeight: 266 }, 40, 2.6);
    const far = screenScale({ kind: 'ortho', worldHeight: 800, pixelHeight: 800 }, 40, 2.6);
    expect((close * 2.6) / (8 / 266)).toBeCloseTo(40, 6);
    expect((far * 2.6) / (800 / 800)).toBeCloseTo(40, 6);
    expect(close).toBeLessThan(0.5); // in a close-up the pin shrinks well below its world size
  });

  it('stays within bounds and falls back to 1 for a view without size', () => {
    expect(screenScale({ kind: 'ortho', worldHeight: 1e6, pixelHeight: 100 }, 40, 2.6)).toBe(50);
    expect(screenScale({ kind: 'ortho', worldHeight: 1e-6, pixelHeight: 100 }, 40, 2.6)).toBe(0.02);
    expect(screenScale({ kind: 'perspective', fovDeg: 55, depth: -3, pixelHeight: 100 }, 40, 2.6)).toBe(1);
  });
});
