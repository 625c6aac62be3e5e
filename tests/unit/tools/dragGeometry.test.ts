import { describe, expect, it } from 'vitest';
import { canResizeInView, dragYawDelta, rectangleFootprint, resizeCuboidFace, viewDelta } from '../../../src/tools/dragGeometry.ts';

const box = { center: [0, 0, 0] as const, size: [4, 2, 1] as const, yaw: Math.PI / 4 };

describe('dragGeometry', () => {
  it('restricts view deltas to the view plane', () => {
    expect(viewDelta('top', [0, 0, 0], [1, 2, 3], box)).toEqual([1, 2, 0]);
    const side = viewDelta('side', [0, 0, 0], [1, 0, 0.5], box);
    expect(side[0]).toBeCloseTo(0.5, 12);
    expect(side[1]).toBeCloseTo(0.5, 12);
    expect(side[2]).toBe(0.5);
    const front = viewDelta('front', [0, 0, 0], [1, 0, 0], box);
    expect(front[0]).toBeCloseTo(0.5, 12);
    expect(front[1]).toBeCloseTo(-0.5, 12);
  });

  it('measures swept yaw in (-pi, pi] across the branch cut', () => {
    const b = { center: [0, 0, 0] as const, size: [1, 1, 1] as const, yaw: 0 };
    expect(dragYawDelta(b, [-1, 0.01, 0], [-1, -0.01, 0])).toBeCloseTo(0.02, 3);
  });

  it('resizes each face of a turned box keeping the opposite face', () => {
    for (const h of ['+x', '-x', '+y', '-y', '+z', '-z'] as const) {
      const k = { x: 0, y: 1, z: 2 }[h[1] as 'x' | 'y' | 'z'];
      const sign = h[0] === '+' ? 1 : -1;
      const axis = [0, 0, 0];
      axis[k] = 1;
      // Unit vector of axis k in the LiDAR frame.
      const dir = k === 2 ? [0, 0, 1] : k === 0 ? [Math.cos(box.yaw), Math.sin(box.yaw), 0] : [-Math.sin(box.yaw), Math.cos(box.yaw), 0];
      const r = resizeCuboidFace(box, h, [0, 0, 0], [dir[0] * sign, dir[1] * sign, dir[2] * sign]);
      expect(r.size[k]).toBeCloseTo(box.size[k] + 1, 12);
      for (let j = 0; j < 3; j++) expect(r.center[j]).toBeCloseTo(box.center[j] + dir[j] * sign * 0.5, 12);
    }
  });

  it('knows which views can resize which faces', () => {
    expect(canResizeInView('top', '+z')).toBe(false);
    expect(canResizeInView('front', '+x')).toBe(false);
    expect(canResizeInView('side', '-y')).toBe(false);
    expect(canResizeInView('side', '-z')).toBe(true);
    expect(canResizeInView('main', '+y')).toBe(true);
  });

  it('gives a degenerate rectangle the minimum size', () => {
    expect(rectangleFootprint([1, 1, 0], [1, 1, 0])).toEqual({ cx: 1, cy: 1, length: 0.1, width: 0.1, yaw: 0 });
  });
});
