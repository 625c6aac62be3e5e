import { describe, expect, it } from 'vitest';
import { buildScene } from '../../../src/sim/scene.ts';
import { beamElevations, createSensor } from '../../../src/sim/sensor.ts';
import { SENSOR_PROFILE_IDS, SENSOR_PROFILES, sensorForProfile, toVehicleFrame } from '../../../src/sim/sensorProfiles.ts';
import type { SensorProfileId } from '../../../src/sim/sensorProfiles.ts';
import { simulateFrame } from '../../../src/sim/simulateFrame.ts';

const deg = (r: number): number => (r * 180) / Math.PI;

/** Beams, lowest and highest elevation (degrees) and columns of each profile. */
const EXPECTED: Record<SensorProfileId, [number, number, number, number]> = {
  vlp16: [16, -15, 15, 1800],
  hdl32: [32, -30.67, 10.67, 2000],
  hdl64: [64, -24.9, 2.0, 1800],
  os128: [128, -22.5, 22.5, 2048],
  pandar64: [64, -25, 15, 1800],
};

describe('sensor profiles', () => {
  it.each(SENSOR_PROFILE_IDS)('%s has its beam count, elevation span and columns, ascending', (id) => {
    const [beams, lo, hi, columns] = EXPECTED[id];
    const s = sensorForProfile(id, 2.0);
    expect(s.beams).toBe(beams);
    expect(s.elevations.length).toBe(beams);
    expect(deg(s.elevations[0])).toBeCloseTo(lo, 6);
    expect(deg(s.elevations[beams - 1])).toBeCloseTo(hi, 6);
    for (let r = 1; r < beams; r++) expect(s.elevations[r]).toBeGreaterThan(s.elevations[r - 1]);
    expect(s.azimuthSteps).toBe(columns);
    expect(s.mountHeight).toBe(2.0);
  });

  it('vlp16 beams are 2° apart; pandar64 is dense (1/6°) around −6°..+2° and coarse at the ends', () => {
    const v = sensorForProfile('vlp16').elevations;
    for (let r = 1; r < 16; r++) expect(deg(v[r] - v[r - 1])).toBeCloseTo(2, 9);
    const p = Array.from(sensorForProfile('pandar64').elevations, deg);
    const gaps = p.slice(1).map((e, i) => e - p[i]);
    const denseGaps = gaps.filter((g, i) => p[i] >= -6 - 1e-9 && p[i + 1] <= 2 + 1e-9);
    expect(denseGaps.length).toBeGreaterThanOrEqual(47);
    for (const g of denseGaps.slice(0, 47)) expect(g).toBeCloseTo(1 / 6, 6);
    expect(gaps[0]).toBeGreaterThan(5); // −25° → −19°
    expect(gaps[gaps.length - 1]).toBeGreaterThan(3); // +11° → +15°
  });

  it('hdl64 is exactly the default fan of npm run samples', () => {
    expect(Array.from(sensorForProfile('hdl64').elevations)).toEqual(Array.from(beamElevations(64)));
    expect(SENSOR_PROFILES.hdl64.maxRange).toBe(createSensor().maxRange);
  });

  it('createSensor takes explicit elevations and refuses bad ones', () => {
    const s = createSensor({ elevations: Float64Array.of(-0.1, 0, 0.1), azimuthSteps: 8 });
    expect(s.beams).toBe(3);
    expect(() => createSensor({ elevations: Float64Array.of(0.1, 0) })).toThrow(/ascending/);
    expect(() => createSensor({ elevations: Float64Array.of(-0.1, 0), beams: 3 })).toThrow(/beams/);
    expect(() => sensorForProfile('nope' as SensorProfileId)).toThrow(/unknown profile/);
  });

  it.each(SENSOR_PROFILE_IDS)('a %s frame has ring values that name the beam each point came from', (id) => {
    // Few columns and a bare street keep this fast; the ring ↔ elevation relation is per beam.
    const s = createSensor({ ...sensorForProfile(id, 1.73), azimuthSteps: 120 });
    const frame = simulateFrame(buildScene(3, { withoutActors: true }), s, 0);
    const ring = frame.cloud.attributes.ring as Uint16Array;
    const p = frame.cloud.positions;
    expect(frame.cloud.count).toBeGreaterThan(s.beams * 10);
    const seen = new Set<number>();
    let off = 0;
    let outOfRange = 0;
    for (let i = 0; i < frame.cloud.count; i++) {
      if (!(ring[i] < s.beams)) outOfRange++;
      seen.add(ring[i]);
      const r = Math.hypot(p[3 * i], p[3 * i + 1]);
      // Coordinates are rounded to 1 mm: a few hundredths of a degree at the closest returns.
      if (r > 5 && Math.abs(deg(Math.atan2(p[3 * i + 2], r) - s.elevations[ring[i]])) > 0.05) off++;
    }
    expect(outOfRange).toBe(0);
    expect(off).toBe(0);
    // Every beam that points below the horizon reaches the street within range.
    const below = Array.from(s.elevations).filter((e) => e < -0.02).length;
    expect(seen.size).toBeGreaterThanOrEqual(below);
  });

  it('toVehicleFrame lifts points and boxes by the sensor height and leaves the frame alone', () => {
    const s = createSensor({ ...sensorForProfile('vlp16', 1.8), azimuthSteps: 120 });
    const scene = buildScene(4, { mountHeight: 1.8 });
    const frame = simulateFrame(scene, s, 0);
    const before = frame.cloud.positions.slice();
    const v = toVehicleFrame(frame, 1.8);
    expect(frame.cloud.positions).toEqual(before);
    expect(v.cloud.positions[2]).toBeCloseTo(before[2] + 1.8, 5);
    expect(v.cloud.positions[0]).toBe(before[0]);
    expect(v.objects[0].center[2]).toBeCloseTo(frame.objects[0].center[2] + 1.8, 12);
    expect(v.cloud.attributes.ring).toBe(frame.cloud.attributes.ring);
  });
});
