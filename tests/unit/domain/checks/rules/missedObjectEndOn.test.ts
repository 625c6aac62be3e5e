import { describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { scoreTemplates } from '../../../../../src/domain/checks/rules/missedObjectScore.ts';
import type { MissedCandidate } from '../../../../../src/domain/checks/rules/missedObjectScore.ts';
import type { ScanSensor } from '../../../../../src/domain/sensor/ScanSensor.ts';

const DEG = Math.PI / 180;
/** A 64-beam fan from −24.9° to +2°, the sensor 1.73 m above flat ground at z = 0. */
const sensor: ScanSensor = {
  origin: [0, 0, 1.73],
  originSource: 'given',
  beams: 64,
  elevations: Float64Array.from({ length: 64 }, (_, i) => (-24.9 + (26.9 * i) / 63) * DEG),
  elevationSource: 'ring',
  azimuthStep: 0.18 * DEG,
  heightAboveGround: 1.73,
  maxRange: 120,
  returnRate: 1,
};
const classes = Object.entries(defaultDictionary.classes).filter(([, r]) => r.findMissed);

/**
 * A car 12 m ahead seen from behind: its rear (1.6 m across the line of sight) and its roof running
 * 1.6 m away from the sensor, so the cluster is as deep as it is wide and its principal axis may
 * fall along the line of sight (`yaw` 0 here: along x, the line of sight).
 */
const carFromBehind: MissedCandidate = {
  points: 560,
  center: [12, 0, 0.85],
  groundZ: 0,
  range: 12,
  length: 1.64,
  width: 1.62,
  yaw: 0,
  top: 1.42,
  bottom: 0.27,
  topCut: false,
};

describe('scoreTemplates on a car seen from behind whose cluster runs along the line of sight', () => {
  it('explains it best as a Car: the length runs away from the sensor, unseen', () => {
    const [best] = scoreTemplates(carFromBehind, classes, sensor, undefined);
    expect(best.label).toBe('Car');
    expect(best.confidence).toBeGreaterThan(0.8);
  });

  it("still wants a strip along the line of sight narrower than a car to show a car's length", () => {
    // 1.6 m deep and 0.5 m across: a piece of a wall or a side seen edge-on, no car's end.
    const strip = { ...carFromBehind, width: 0.5, points: 200 };
    const car = scoreTemplates(strip, classes, sensor, undefined).find((s) => s.label === 'Car')!;
    expect(car.confidence).toBeLessThan(0.5);
  });
});
