import { describe, expect, it } from 'vitest';
import { beamElevations, buildRays, columnAzimuth, createSensor } from '../../../src/sim/sensor.ts';

const deg = (r: number): number => (r * 180) / Math.PI;

describe('beamElevations', () => {
  it('spans +2° to −24.9° in ascending order with the HDL-64E block spacing', () => {
    const e = beamElevations(64);
    expect(e.length).toBe(64);
    expect(deg(e[0])).toBeCloseTo(-24.9, 9);
    expect(deg(e[63])).toBeCloseTo(2.0, 9);
    for (let i = 1; i < 64; i++) expect(e[i]).toBeGreaterThan(e[i - 1]);
    // Upper block ≈1/3° apart, lower block ≈1/2° apart.
    expect(deg(e[63] - e[62])).toBeCloseTo(10.33 / 31, 6);
    expect(deg(e[1] - e[0])).toBeCloseTo(16.07 / 31, 6);
  });

  it('rejects beam counts below two', () => {
    expect(() => beamElevations(1)).toThrow(/sim\/sensor/);
  });
});

describe('buildRays', () => {
  it('makes unit directions in firing order, column 0 looking backwards', () => {
    const s = createSensor({ beams: 4, azimuthSteps: 8 });
    const rays = buildRays(s);
    expect(rays.count).toBe(32);
    for (let i = 0; i < rays.count; i++) {
      expect(Math.hypot(rays.dx[i], rays.dy[i], rays.dz[i])).toBeCloseTo(1, 12);
    }
    expect(rays.dx[0]).toBeLessThan(0);
    // Clockwise from above: azimuth decreases column by column.
    expect(columnAzimuth(s, 1)).toBeLessThan(columnAzimuth(s, 0));
    // Ring r of a column has the r-th elevation.
    expect(Math.asin(rays.dz[3])).toBeCloseTo(s.elevations[3], 12);
  });

  it('defaults to a roof-mounted 64-beam, 2000-column, 120 m sensor', () => {
    const s = createSensor();
    expect([s.beams, s.azimuthSteps, s.maxRange, s.mountHeight]).toEqual([64, 2000, 120, 1.73]);
    expect(() => createSensor({ azimuthSteps: 2 })).toThrow(/azimuthSteps/);
  });
});
