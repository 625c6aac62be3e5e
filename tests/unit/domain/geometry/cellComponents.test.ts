import { describe, expect, it } from 'vitest';
import { cellComponents } from '../../../../src/domain/geometry/cellComponents.ts';

describe('cellComponents', () => {
  it('joins occupied cells that touch, corners included, and leaves empty cells at −1', () => {
    // 4 × 3 grid:  X . . X
    //              . X . X
    //              . . . .
    const occupied = new Uint8Array([1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0]);
    const { comp, count } = cellComponents(occupied, 4, 3);
    expect(count).toBe(2);
    expect(comp[0]).toBe(comp[5]);
    expect(comp[3]).toBe(comp[7]);
    expect(comp[0]).not.toBe(comp[3]);
    expect([comp[1], comp[2], comp[8], comp[11]]).toEqual([-1, -1, -1, -1]);
  });
});
