import { describe, expect, it } from 'vitest';
import { surfaceLink } from '../../../../../src/domain/checks/rules/growFromInside.ts';
import type { ScanSensor } from '../../../../../src/domain/sensor/ScanSensor.ts';

/** A 64-beam scanner's columns (0.2°), the sensor at (ox, oy). */
function sensor(ox = 0, oy = 0): ScanSensor {
  return {
    origin: [ox, oy, 1.73],
    originSource: 'given',
    beams: 64,
    elevations: new Float64Array(64),
    elevationSource: 'ring',
    azimuthStep: (0.2 * Math.PI) / 180,
    heightAboveGround: 1.73,
    maxRange: 120,
    returnRate: 1,
  };
}

describe('surfaceLink: the link that joins one surface’s points', () => {
  it('is 0.3 m near the sensor and 1.8 column spacings far from it', () => {
    expect(surfaceLink(sensor(), 10, 0)).toBe(0.3);
    // 0.2° columns lie 0.26 m apart 75 m away: a link of 0.47 m.
    expect(surfaceLink(sensor(), 0, 75)).toBeCloseTo(1.8 * 75 * ((0.2 * Math.PI) / 180), 6);
  });

  it('measures the range from the sensor, not from the origin of the points', () => {
    expect(surfaceLink(sensor(70, 0), 75, 0)).toBe(0.3);
    expect(surfaceLink(sensor(-70, 0), 5, 0)).toBeCloseTo(surfaceLink(sensor(), 75, 0), 9);
  });
});
