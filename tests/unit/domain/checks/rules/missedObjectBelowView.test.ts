import { describe, expect, it } from 'vitest';
import { belowView } from '../../../../../src/domain/checks/rules/missedObjectScenery.ts';
import type { MissedCandidate } from '../../../../../src/domain/checks/rules/missedObjectScore.ts';
import type { ScanSensor } from '../../../../../src/domain/sensor/ScanSensor.ts';

const DEG = Math.PI / 180;
/** A VLP-16: beams every 2° from −15° to +15°, 1.73 m above flat ground at z = 0. */
const vlp16: ScanSensor = {
  origin: [0, 0, 1.73],
  originSource: 'given',
  beams: 16,
  elevations: Float64Array.from({ length: 16 }, (_, i) => (-15 + 2 * i) * DEG),
  elevationSource: 'ring',
  azimuthStep: 0.2 * DEG,
  heightAboveGround: 1.73,
  maxRange: 100,
  returnRate: 1,
};

function candidate(range: number, bottom: number): MissedCandidate {
  return { points: 600, center: [0, range, 0.9], groundZ: 0, range, length: 4.2, width: 1.7, yaw: 0, top: 1.45, bottom, topCut: false };
}

describe('belowView (a raised lowest point that is all the sensor sees there)', () => {
  it('explains a car 3.5 m away whose lowest return is 0.9 m up: the lowest beam passes 1.0 m up at its near side', () => {
    expect(belowView(vlp16, candidate(3.5, 0.9))).toBe(true);
  });

  it('does not explain a crown 3.5 m away whose lowest return is 2.4 m up', () => {
    expect(belowView(vlp16, candidate(3.5, 2.4))).toBe(false);
  });

  it('does not explain a raised cluster 20 m away, where the lowest beam reaches the ground', () => {
    expect(belowView(vlp16, candidate(20, 0.9))).toBe(false);
  });

  it('explains nothing without beam data', () => {
    expect(belowView({ ...vlp16, beams: 0, elevations: new Float64Array(0) }, candidate(3.5, 0.9))).toBe(false);
  });
});
