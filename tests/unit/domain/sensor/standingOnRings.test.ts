import { describe, expect, it } from 'vitest';
import type { ScanSensor } from '../../../../src/domain/sensor/ScanSensor.ts';
import { standingOnRings } from '../../../../src/domain/sensor/standingOnRings.ts';

const DEG = Math.PI / 180;
const STEP = 0.2 * DEG;
const HEIGHT = 2;
/** One beam of a 32-beam scanner 2 m above flat ground: it reaches the road 86 m away. */
const ELEVATION = -Math.atan2(HEIGHT, 86);

const sensor: ScanSensor = {
  origin: [0, 0, 0],
  originSource: 'given',
  beams: 2,
  elevations: new Float64Array([ELEVATION, 0]),
  elevationSource: 'ring',
  azimuthStep: STEP,
  heightAboveGround: HEIGHT,
  maxRange: 100,
  returnRate: 1,
};

/**
 * One sweep of the beam: each firing's return lies at the horizontal range `rangeAt(azimuth)`
 * (metres) on the beam, so its height follows from the range. Returns positions and a ring per point.
 */
function sweep(rangeAt: (az: number) => number): { positions: Float32Array; ring: Uint8Array; azimuths: number[] } {
  const azimuths: number[] = [];
  for (let a = -180 * DEG + STEP / 2; a < 180 * DEG; a += STEP) azimuths.push(a);
  const positions = new Float32Array(azimuths.length * 3);
  azimuths.forEach((a, i) => {
    const r = rangeAt(a);
    positions.set([r * Math.cos(a), r * Math.sin(a), r * Math.tan(ELEVATION)], 3 * i);
  });
  return { positions, ring: new Uint8Array(azimuths.length), azimuths };
}

describe('standingOnRings', () => {
  it('marks a far car hit by one beam, a flat line 0.8 m above the road, and none of the road', () => {
    // A 4.5 m car side 51 m away (about 5° wide) cuts the beam's sweep of the road at 86 m.
    const onCar = (a: number): boolean => Math.abs(a - 90 * DEG) < 2.5 * DEG;
    const { positions, ring, azimuths } = sweep((a) => (onCar(a) ? 51 : 86));
    const flags = standingOnRings(positions, sensor, ring)!;
    azimuths.forEach((a, i) => expect(flags[i], `azimuth ${(a / DEG).toFixed(1)}°`).toBe(onCar(a) ? 1 : 0));
  });

  it('does not mark a pavement beside the road: a kerb 0.15 m high is not something standing on it', () => {
    // Raised 0.15 m, the pavement is reached 6.5 m sooner by the grazing beam.
    const onPavement = (a: number): boolean => a > 60 * DEG && a < 75 * DEG;
    const pavement = 86 - 0.15 / Math.tan(-ELEVATION);
    const { positions, ring } = sweep((a) => (onPavement(a) ? pavement : 86));
    expect(standingOnRings(positions, sensor, ring)!.every((f) => f === 0)).toBe(true);
  });

  it('marks a car just in front of another: barely higher than the car behind, both stand above the road', () => {
    const front = (a: number): boolean => Math.abs(a + 30 * DEG) < 2 * DEG;
    const behind = (a: number): boolean => a > -30 * DEG && a < -25 * DEG;
    const { positions, ring, azimuths } = sweep((a) => (front(a) ? 55 : behind(a) ? 61 : 86));
    const flags = standingOnRings(positions, sensor, ring)!;
    azimuths.forEach((a, i) => expect(flags[i], `azimuth ${(a / DEG).toFixed(1)}°`).toBe(front(a) || behind(a) ? 1 : 0));
  });

  it('is null without beam data', () => {
    const { positions } = sweep(() => 86);
    expect(standingOnRings(positions, { ...sensor, beams: 0, elevations: new Float64Array(0) })).toBeNull();
  });
});
