import { describe, expect, it } from 'vitest';
import { trackingTruncation } from '../../../../src/domain/formats/kittiTracking/trackingTruncation.ts';

describe('trackingTruncation (label_2 fraction → KITTI tracking level)', () => {
  it('writes 0 for none, 1 below half, 2 from half up, wholly outside (1.0) included', () => {
    expect([0, 0.1, 0.25, 0.49, 0.5, 0.75, 1].map(trackingTruncation)).toEqual([0, 1, 1, 1, 2, 2, 2]);
  });

  it('clamps what is not a fraction', () => {
    expect([-1, Number.NaN, 2, 7].map(trackingTruncation)).toEqual([0, 0, 2, 2]);
  });
});
