import { describe, expect, it } from 'vitest';
import { robustRanges } from '../../../../src/domain/pointcloud/robustRanges.ts';
import type { PointCloud } from '../../../../src/domain/types.ts';

/** Points on rings 3, 4, … 52 m from the sensor, heights -1.7 … 1.2 m, and one far outlier. */
function rings(): PointCloud {
  const xyz: number[] = [];
  for (let r = 3; r <= 52; r++) {
    for (let k = 0; k < 100; k++) {
      const a = (2 * Math.PI * k) / 100;
      xyz.push(r * Math.cos(a), r * Math.sin(a), -1.7 + (2.9 * k) / 99);
    }
  }
  xyz.push(900, 0, 50);
  const positions = new Float32Array(xyz);
  return { positions, count: positions.length / 3, attributes: {} };
}

describe('robustRanges', () => {
  it('gives the height and distance ramps without outliers, and the whole extent of the points (heightSpan, reach)', () => {
    const r = robustRanges(rings());
    expect(r.height[0]).toBeCloseTo(-1.7, 1);
    expect(r.height[1]).toBeCloseTo(1.2, 1);
    // The distance ramp starts at the sensor; the reach at the nearest ring.
    expect(r.distance[0]).toBe(0);
    expect(r.distance[1]).toBeGreaterThan(50);
    expect(r.distance[1]).toBeLessThan(53);
    // Where the points lie, every point counted (the hints of the slice and the crop): the outlier too.
    expect(r.reach[0]).toBeCloseTo(3, 5);
    expect(r.reach[1]).toBe(900);
    expect(r.heightSpan[0]).toBeCloseTo(-1.7, 5);
    expect(r.heightSpan[1]).toBe(50);
  });
});
