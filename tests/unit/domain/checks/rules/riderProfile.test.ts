import { describe, expect, it } from 'vitest';
import type { GroundModel } from '../../../../../src/domain/geometry/estimateGround.ts';
import { isRiderProfile } from '../../../../../src/domain/checks/rules/riderProfile.ts';

const FLAT: GroundModel = { originX: 0, originY: 0, cellSize: 200, nx: 1, ny: 1, heights: Float32Array.of(0), measured: Uint8Array.of(1), defaultZ: 0 };

/** Returns on a thin face along +x at y = 10: (x, height) pairs. */
function face(pairs: [number, number][]): Float32Array {
  return Float32Array.from(pairs.flatMap(([x, h]) => [x, 10, h]));
}

/** Rows every 0.1 m along x from `x0` to `x1` at height `h`. */
function rows(x0: number, x1: number, heights: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const h of heights) for (let x = x0; x <= x1 + 1e-9; x += 0.1) out.push([x, h]);
  return out;
}

describe('isRiderProfile', () => {
  it('sees a rider over a bicycle in a 1.7 m side face: the body above 1.2 m spans a third of it, the bicycle reaches past it at both ends', () => {
    const bicycle = rows(0, 1.7, [0.3, 0.6, 0.9]);
    const body = rows(0.6, 1.1, [1.3, 1.5, 1.7]);
    expect(isRiderProfile(face([...bicycle, ...body]), FLAT, 0)).toBe(true);
  });

  it('sees no rider in a fence piece as high along its whole length, nor in one below a head', () => {
    expect(isRiderProfile(face(rows(0, 1.7, [0.3, 0.7, 1.1, 1.5])), FLAT, 0)).toBe(false);
    expect(isRiderProfile(face(rows(0, 1.7, [0.3, 0.6, 0.9])), FLAT, 0)).toBe(false);
  });

  it('sees no rider when the high part sits at one end (a post at the end of a low fence)', () => {
    const low = rows(0, 1.7, [0.3, 0.6, 0.9]);
    const post = rows(1.6, 1.7, [1.3, 1.5, 1.7]);
    expect(isRiderProfile(face([...low, ...post]), FLAT, 0)).toBe(false);
  });
});
