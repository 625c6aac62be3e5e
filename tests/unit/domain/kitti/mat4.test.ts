import { describe, expect, it } from 'vitest';
import { formatExp12 } from '../../../../src/domain/kitti/formatFixed.ts';
import { identityMat4, invertMat4, mat4From3x3, mat4From3x4, multiplyMat4, transformPoint } from '../../../../src/domain/kitti/mat4.ts';
import { expectClose } from './kittiSamples.ts';

describe('mat4 helpers', () => {
  it('extends 3×3 and 3×4 matrices to 4×4', () => {
    expect(mat4From3x3([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0, 1]);
    expect(mat4From3x4([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0, 0, 0, 1]);
  });

  it('inverts a general (non-rigid) 4×4 matrix', () => {
    const m = [2, 0.5, 0, 1, -1, 3, 0.25, -2, 0.1, 0, 4, 3, 0.2, 0.1, 0, 1];
    const inv = invertMat4(m);
    expect(inv).not.toBeNull();
    expectClose(multiplyMat4(m, inv!), identityMat4(), 1e-14);
    expectClose(multiplyMat4(inv!, m), identityMat4(), 1e-14);
  });

  it('needs pivoting for a permutation and returns null for singular input', () => {
    const perm = [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1];
    expect(invertMat4(perm)!.map((v) => v + 0)).toEqual([0, 0, 1, 0, -1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 1]);
    expect(invertMat4([1, 2, 3, 4, 2, 4, 6, 8, 0, 0, 1, 0, 0, 0, 0, 1])).toBeNull();
    expect(invertMat4(new Array(16).fill(0))).toBeNull();
    expect(invertMat4([NaN, ...identityMat4().slice(1)])).toBeNull();
  });

  it('transforms a point with the affine part', () => {
    expect(transformPoint([1, 0, 0, 5, 0, 2, 0, 6, 0, 0, 3, 7], 1, 1, 1)).toEqual([6, 8, 10]);
  });
});

describe('formatExp12', () => {
  it('writes C-style %.12e', () => {
    expect(formatExp12(707.0493)).toBe('7.070493000000e+02');
    expect(formatExp12(-0.003454157)).toBe('-3.454157000000e-03');
    expect(formatExp12(0)).toBe('0.000000000000e+00');
    expect(formatExp12(-0)).toBe('0.000000000000e+00');
    expect(formatExp12(1.5e-120)).toBe('1.500000000000e-120');
  });
});
