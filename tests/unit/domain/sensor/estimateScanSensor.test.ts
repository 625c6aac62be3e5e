import { describe, expect, it } from 'vitest';
import { estimateGround } from '../../../../src/domain/geometry/estimateGround.ts';
import { estimateScanSensor } from '../../../../src/domain/sensor/estimateScanSensor.ts';
import { loadKittiFrame } from '../checks/kittiFrames.ts';
import { loadMultisensorFrame } from './multisensorFrames.ts';

const deg = (r: number) => (r * 180) / Math.PI;

describe('estimateScanSensor on real scans', () => {
  it('reads a KITTI HDL-64E: 64 beams from +2° to about −25°, 0.18° columns, sensor ~1.8 m up', () => {
    const { positions } = loadKittiFrame('000001');
    const s = estimateScanSensor(positions, { ground: estimateGround(positions) });
    expect(s.elevationSource).toBe('histogram');
    expect(s.beams).toBeGreaterThanOrEqual(60);
    expect(s.beams).toBeLessThanOrEqual(66);
    expect(deg(s.elevations[s.beams - 1])).toBeCloseTo(2, 0);
    expect(deg(s.elevations[0])).toBeLessThan(-23);
    expect(deg(s.azimuthStep)).toBeGreaterThan(0.15);
    expect(deg(s.azimuthStep)).toBeLessThan(0.2);
    expect(Math.abs(s.origin[0])).toBeLessThan(0.3);
    expect(Math.abs(s.origin[2])).toBeLessThan(0.3);
    expect(s.heightAboveGround).toBeGreaterThan(1.6);
    expect(s.heightAboveGround).toBeLessThan(2.1);
  });

  it('finds the Argoverse 2 sensor above the vehicle-frame origin, from the laser field or without it', () => {
    const { positions, ring } = loadMultisensorFrame('av2');
    for (const r of [ring, undefined]) {
      const s = estimateScanSensor(positions, { ring: r });
      expect(s.originSource).toBe('estimated');
      expect(s.origin[2]).toBeGreaterThan(1.4);
      expect(s.origin[2]).toBeLessThan(2.0);
      expect(s.origin[0]).toBeGreaterThan(0.5);
      expect(s.maxRange).toBeGreaterThan(120);
    }
    expect(estimateScanSensor(positions, { ring }).beams).toBe(64);
  });

  it('reads the 40-beam scan: 40 rings from +7° to −16°, the same from the histogram', () => {
    const { positions, ring } = loadMultisensorFrame('sustech40');
    const byRing = estimateScanSensor(positions, { ring });
    expect(byRing.elevationSource).toBe('ring');
    expect(byRing.beams).toBe(40);
    expect(deg(byRing.elevations[0])).toBeCloseTo(-15.7, 0);
    expect(deg(byRing.elevations[39])).toBeCloseTo(7.1, 0);
    const byHistogram = estimateScanSensor(positions);
    expect(byHistogram.elevationSource).toBe('histogram');
    expect(byHistogram.beams).toBe(40);
    expect(Math.abs(byHistogram.origin[2])).toBeLessThan(0.2);
  });

  it('keeps a given origin and says so', () => {
    const { positions } = loadKittiFrame('000000');
    const s = estimateScanSensor(positions, { origin: [0, 0, 0] });
    expect(s.origin).toEqual([0, 0, 0]);
    expect(s.originSource).toBe('given');
  });

  it('gives an empty model for a scan with no beam structure', () => {
    const s = estimateScanSensor(new Float32Array(0));
    expect(s.beams).toBe(0);
    expect(s.elevationSource).toBe('none');
    expect(s.origin).toEqual([0, 0, 0]);
  });
});
