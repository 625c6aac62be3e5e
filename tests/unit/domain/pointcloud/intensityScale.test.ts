import { describe, expect, it } from 'vitest';
import { intensityFactor, intensityFullScale } from '../../../../src/domain/pointcloud/intensityScale.ts';

describe('intensityFullScale', () => {
  it('reads 8- and 16-bit fields by their type, whatever the values', () => {
    expect(intensityFullScale(Uint8Array.from([0, 3]))).toBe(255);
    expect(intensityFullScale(Uint16Array.from([0, 3]))).toBe(65535);
  });

  it('reads float fields by the smallest of 1, 255 and 65535 that holds them, else their largest value', () => {
    expect(intensityFullScale(Float32Array.from([0, 0.5, 1]))).toBe(1);
    expect(intensityFullScale(Float32Array.from([0, 1.5, 200]))).toBe(255);
    expect(intensityFullScale(Float32Array.from([0, 300]))).toBe(65535);
    expect(intensityFullScale(Float64Array.from([0, 1e6, Infinity]))).toBe(1e6);
  });

  it('is null without intensity or without a finite value', () => {
    expect(intensityFullScale(undefined)).toBeNull();
    expect(intensityFullScale(new Float32Array(0))).toBeNull();
    expect(intensityFullScale(Float32Array.from([NaN, Infinity]))).toBeNull();
  });

  it('gives the factor between two full scales (1 when one is unknown)', () => {
    expect(intensityFactor(255, 1)).toBeCloseTo(1 / 255, 12);
    expect(intensityFactor(1, 255)).toBe(255);
    expect([intensityFactor(null, 1), intensityFactor(255, null)]).toEqual([1, 1]);
  });
});
