import { describe, expect, it } from 'vitest';
import { closeUpHandleSize, YAW_HANDLE_OFFSET, yawHandleReach } from '../../../src/render/handleSize.ts';
import type { Vec3 } from '../../../src/domain/types.ts';

describe('close-up handle sizes', () => {
  it('the top close-up reaches past the whole yaw handle, for a pedestrian as for a truck', () => {
    const sizes: Vec3[] = [
      [0.3, 0.4, 1.2],
      [0.8, 0.65, 1.75],
      [1.8, 0.6, 1.7],
      [4.2, 1.8, 1.5],
      [12, 2.5, 3.5],
    ];
    for (const size of sizes) {
      const s = closeUpHandleSize(size);
      // The handle's far edge: its centre plus its radius (a ball of diameter ~0.9 edge).
      const farEdge = size[0] / 2 + YAW_HANDLE_OFFSET * s + 0.45 * s;
      expect(yawHandleReach(size)).toBeGreaterThan(farEdge);
    }
  });

  it('keeps handles a small share of the box, between 12 and 35 cm', () => {
    expect(closeUpHandleSize([0.5, 0.5, 1.7])).toBeCloseTo(0.12);
    expect(closeUpHandleSize([4, 1.8, 1.5])).toBeCloseTo(0.24);
    expect(closeUpHandleSize([15, 2.5, 3.8])).toBeCloseTo(0.35);
  });
});
