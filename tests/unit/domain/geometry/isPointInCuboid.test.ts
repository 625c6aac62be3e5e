import { describe, expect, it } from 'vitest';
import { isPointInCuboid } from '../../../../src/domain/geometry/isPointInCuboid.ts';

const unit = { center: [0, 0, 0] as const, size: [2, 2, 2] as const, yaw: 0 };

describe('isPointInCuboid', () => {
  it('accepts the centre and rejects points beyond each face', () => {
    expect(isPointInCuboid(0, 0, 0, unit)).toBe(true);
    expect(isPointInCuboid(1.01, 0, 0, unit)).toBe(false);
    expect(isPointInCuboid(0, -1.01, 0, unit)).toBe(false);
    expect(isPointInCuboid(0, 0, 1.01, unit)).toBe(false);
  });

  it('counts the boundary as inside', () => {
    expect(isPointInCuboid(1, 1, 1, unit)).toBe(true);
    expect(isPointInCuboid(-1, -1, -1, unit)).toBe(true);
  });

  it('grows every face by the margin, and shrinks with a negative one', () => {
    expect(isPointInCuboid(1.2, 0, 0, unit, 0.25)).toBe(true);
    expect(isPointInCuboid(0, 0, -1.2, unit, 0.25)).toBe(true);
    expect(isPointInCuboid(1.3, 0, 0, unit, 0.25)).toBe(false);
    expect(isPointInCuboid(0.9, 0, 0, unit, -0.25)).toBe(false);
  });

  it('uses the heading: a long box rotated 90° extends along y', () => {
    const b = { center: [5, 5, 0] as const, size: [4, 1, 1] as const, yaw: Math.PI / 2 };
    expect(isPointInCuboid(5, 6.9, 0, b)).toBe(true);
    expect(isPointInCuboid(6.9, 5, 0, b)).toBe(false);
  });

  it('never contains NaN or infinite points', () => {
    expect(isPointInCuboid(NaN, 0, 0, unit)).toBe(false);
    expect(isPointInCuboid(0, 0, NaN, unit)).toBe(false);
    expect(isPointInCuboid(Infinity, 0, 0, unit)).toBe(false);
    expect(isPointInCuboid(0, 0, 0, { ...unit, size: [Infinity, 2, 2] })).toBe(true);
  });
});
