import { describe, expect, it } from 'vitest';
import { expectedReturns } from '../../../../src/domain/sensor/expectedReturns.ts';
import type { ScanSensor } from '../../../../src/domain/sensor/ScanSensor.ts';
import { buildRangeImage } from '../../../../src/domain/checks/frame/RangeImage.ts';

const rad = (d: number) => (d * Math.PI) / 180;

function uniformSensor(beams: number, lowDeg: number, highDeg: number, azDeg: number, origin: [number, number, number] = [0, 0, 0]): ScanSensor {
  const elevations = Float64Array.from({ length: beams }, (_, k) => rad(lowDeg + ((highDeg - lowDeg) * k) / (beams - 1)));
  return {
    origin,
    originSource: 'given',
    beams,
    elevations,
    elevationSource: 'ring',
    azimuthStep: rad(azDeg),
    heightAboveGround: 1.73,
    maxRange: 120,
    returnRate: 1,
  };
}

const car = (x: number, y = 0, z = -1.73 + 0.75) => ({ center: [x, y, z] as const, size: [4, 1.6, 1.5] as const, yaw: 0 });

describe('expectedReturns', () => {
  it('counts beams × columns for a car seen end-on', () => {
    const s = uniformSensor(64, -24, 2, 0.2);
    const r = expectedReturns(s, car(20));
    // 1.6 m wide at 18 m: 5.1° → ~25 columns.
    expect(r.columns).toBeGreaterThan(24);
    expect(r.columns).toBeLessThan(27);
    expect(r.beams).toBeGreaterThan(5);
    expect(r.unoccluded).toBeCloseTo(r.beams * r.columns, 6);
    expect(r.expected).toBe(r.unoccluded);
  });

  it('falls with range and with fewer beams', () => {
    const dense = uniformSensor(64, -24, 2, 0.2);
    const sparse = uniformSensor(32, -30.67, 10.67, 0.2);
    const near = expectedReturns(dense, car(10)).expected;
    const far = expectedReturns(dense, car(40)).expected;
    expect(far).toBeLessThan(near / 6);
    expect(expectedReturns(sparse, car(20)).expected).toBeLessThan(expectedReturns(dense, car(20)).expected / 2);
  });

  it('measures from the sensor origin, not from (0, 0, 0)', () => {
    const atOrigin = uniformSensor(32, -30, 10, 0.2);
    const raised = uniformSensor(32, -30, 10, 0.2, [0, 0, 1.73]);
    const a = expectedReturns(atOrigin, car(15));
    const b = expectedReturns(raised, car(15, 0, 0.75));
    expect(b.expected).toBeCloseTo(a.expected, 6);
  });

  it('discounts the share of the box hidden behind nearer points', () => {
    const s = uniformSensor(64, -24, 2, 0.2);
    // A wall of points 8 m away in front of the car at 20 m, covering its left half.
    const pts: number[] = [];
    for (let y = 0; y <= 2; y += 0.02) for (let z = -1.6; z <= 0; z += 0.05) pts.push(8, y, z);
    const positions = Float32Array.from(pts);
    const img = buildRangeImage(positions, new Int32Array(pts.length / 3));
    const r = expectedReturns(s, car(20), { rangeImage: img });
    expect(r.occludedFraction).toBeGreaterThan(0.3);
    expect(r.occludedFraction).toBeLessThan(0.8);
    expect(r.expected).toBeLessThan(r.unoccluded);
  });

  it('finds what hides a box from a sparse scanner along its beams, not between them', () => {
    // VLP-16-like: beams every 2°. A car 3 m away in the next lane, its side scanned only by the
    // beams (the range image is empty between them), hides the lower half of a person 7 m away.
    const s = uniformSensor(16, -15, 15, 0.2);
    const pts: number[] = [];
    for (const e of s.elevations) {
      const z = 3 * Math.tan(e);
      if (z < -1.73 || z > -0.3) continue;
      for (let y = -0.6; y <= 0.6; y += 0.01) pts.push(3, y, z);
    }
    const img = buildRangeImage(Float32Array.from(pts), new Int32Array(pts.length / 3));
    const person = { center: [7, 0, -1.73 + 0.87] as const, size: [0.6, 0.6, 1.75] as const, yaw: 0 };
    const r = expectedReturns(s, person, { groundZ: -1.73, rangeImage: img });
    // Its beams from the ground up to about 1.1 m come back from the car: about half of its rays.
    expect(r.occludedFraction).toBeGreaterThanOrEqual(0.4);
    expect(r.expected).toBeLessThanOrEqual(0.6 * r.unoccluded);
  });

  it('is NaN without beam data, so callers fall back to fixed minima', () => {
    const s = { ...uniformSensor(2, -1, 1, 0.2), beams: 0, elevations: new Float64Array(0), elevationSource: 'none' as const };
    expect(Number.isNaN(expectedReturns(s, car(20)).expected)).toBe(true);
  });
});
