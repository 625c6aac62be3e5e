import { describe, expect, it } from 'vitest';
import { atCeiling } from '../../../../../src/domain/checks/rules/missedObjectCeiling.ts';
import type { MissedCandidate } from '../../../../../src/domain/checks/rules/missedObjectScore.ts';
import type { ScanSensor } from '../../../../../src/domain/sensor/ScanSensor.ts';

const DEG = Math.PI / 180;
/** Beams 1° apart from −15° to +15° (a sparse upper fan), 1.73 m above flat ground at z = 0. */
const sensor: ScanSensor = {
  origin: [0, 0, 1.73],
  originSource: 'given',
  beams: 31,
  elevations: Float64Array.from({ length: 31 }, (_, i) => (i - 15) * DEG),
  elevationSource: 'ring',
  azimuthStep: 0.2 * DEG,
  heightAboveGround: 1.73,
  maxRange: 150,
  returnRate: 1,
};

function candidate(range: number, top: number): MissedCandidate {
  return { points: 60, center: [range, 0, top / 2], groundZ: 0, range, length: 3, width: 1.5, yaw: 0, top, bottom: 0.4, topCut: false };
}

describe('atCeiling (a top that may be the 4 m ceiling of the obstacle points)', () => {
  it('is at the ceiling 80 m away, 3.7 m up, with returns above: the next beam up lands 1.4 m higher', () => {
    expect(atCeiling(sensor, candidate(80, 3.7), 3)).toBe(true);
  });

  it('is not with nothing above it: a truck as tall', () => {
    expect(atCeiling(sensor, candidate(80, 3.7), 0)).toBe(false);
  });

  it('is not 10 m away, where the next beam up lands 0.17 m higher and still under 4 m', () => {
    expect(atCeiling(sensor, candidate(10, 3.7), 3)).toBe(false);
  });

  it('is within 0.15 m of 4 m, whatever lies above', () => {
    expect(atCeiling(sensor, candidate(10, 3.9), 0)).toBe(true);
  });
});
