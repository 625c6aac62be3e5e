import { describe, expect, it } from 'vitest';
import { buildRangeImage } from '../../../../../src/domain/checks/frame/RangeImage.ts';
import { hiddenBelow } from '../../../../../src/domain/checks/rules/hiddenBelow.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { scoreTemplates } from '../../../../../src/domain/checks/rules/missedObjectScore.ts';
import type { MissedCandidate } from '../../../../../src/domain/checks/rules/missedObjectScore.ts';
import type { ScanSensor } from '../../../../../src/domain/sensor/ScanSensor.ts';

const DEG = Math.PI / 180;
/** VLP-16 beam elevations: every 2° from −15° to +15°; the sensor 1.73 m above flat ground at z = 0. */
const BEAMS = Array.from({ length: 16 }, (_, i) => (-15 + 2 * i) * DEG);
const ORIGIN: [number, number, number] = [0, 0, 1.73];

/** Returns of a car's side `range` metres ahead (x), 1.2 m wide (y), up to `top` metres: only where a beam hits it. */
function carSide(range: number, top: number): Float32Array {
  const pts: number[] = [];
  for (const e of BEAMS) {
    const z = ORIGIN[2] + range * Math.tan(e);
    if (z < 0.15 || z > top) continue;
    for (let y = -0.6; y <= 0.6; y += 0.01) pts.push(range, y, z);
  }
  return Float32Array.from(pts);
}

/** A person 8 m ahead whose lowest return is 1.33 m up (their legs give none). */
const person: MissedCandidate = {
  points: 22,
  center: [8, 0, 1.6],
  groundZ: 0,
  range: 8,
  length: 0.4,
  width: 0.2,
  yaw: 0,
  top: 1.85,
  bottom: 1.33,
  topCut: false,
};

describe('hiddenBelow (a raised cluster whose lower part something nearer hides)', () => {
  it('finds a car 3 m away, scanned only along the beams, hiding the legs of a person 8 m away', () => {
    const pts = carSide(3, 1.45);
    const img = buildRangeImage(pts, new Int32Array(pts.length / 3), ORIGIN);
    expect(hiddenBelow(img, person)).toBe(true);
  });

  it('finds nothing when the only obstacle is beyond the person', () => {
    const pts = carSide(12, 1.45);
    const img = buildRangeImage(pts, new Int32Array(pts.length / 3), ORIGIN);
    expect(hiddenBelow(img, person)).toBe(false);
  });
});

describe('scoreTemplates on a person whose legs a nearer car hides', () => {
  const sensor: ScanSensor = {
    origin: ORIGIN,
    originSource: 'given',
    beams: 16,
    elevations: Float64Array.from(BEAMS),
    elevationSource: 'ring',
    azimuthStep: 0.2 * DEG,
    heightAboveGround: 1.73,
    maxRange: 100,
    returnRate: 1,
  };
  const people = Object.entries(defaultDictionary.classes).filter(([label]) => label === 'Pedestrian');

  it('expects the returns of the band it shows, not of a whole person less a share of hidden rays', () => {
    const hidden = buildRangeImage(carSide(3, 1.45), new Int32Array(carSide(3, 1.45).length / 3), ORIGIN);
    const open = buildRangeImage(carSide(12, 1.45), new Int32Array(carSide(12, 1.45).length / 3), ORIGIN);
    const behindCar = scoreTemplates(person, people, sensor, hidden)[0];
    const inTheOpen = scoreTemplates(person, people, sensor, open)[0];
    // 8 m from a VLP-16 a 1.7 m person spans several beams; its top half-metre one or two.
    expect(behindCar.expected).toBeLessThan(0.6 * inTheOpen.expected);
    expect(behindCar.confidence).toBeGreaterThan(inTheOpen.confidence);
  });
});
