import { describe, expect, it } from 'vitest';
import { BufferAttribute, BufferGeometry } from 'three';
import { applyHiddenMask, maskReady } from '../../../src/render/useMergedHiddenMask.ts';

describe('applyHiddenMask (the merged view’s ground and hidden-box filters)', () => {
  it('gives the merged geometry the mask, once per mask version, and removes it when the filters are off', () => {
    const gpu = { geometry: new BufferGeometry(), capacity: 20 };
    // No mask yet: nothing to do, and no redraw asked for.
    expect(applyHiddenMask(gpu, null, 0)).toBe(false);
    expect(gpu.geometry.getAttribute('aHidden')).toBeUndefined();

    // The mask covers the points sent so far (12 of the 20 the buffers hold).
    const mask = new Uint8Array(12);
    mask[3] = 1;
    mask[11] = 1;
    expect(applyHiddenMask(gpu, mask, 1)).toBe(true);
    const a = gpu.geometry.getAttribute('aHidden') as BufferAttribute;
    expect(a.count).toBe(20);
    expect([a.getX(2), a.getX(3), a.getX(11), a.getX(19)]).toEqual([0, 1, 1, 0]);
    expect(applyHiddenMask(gpu, mask, 1)).toBe(false);

    expect(applyHiddenMask(gpu, null, 2)).toBe(true);
    expect(gpu.geometry.getAttribute('aHidden')).toBeUndefined();
  });

  it('works out a mask for the merge once ready, and for its detail disc once that came whole', () => {
    const key = 'merged:000001:5:500000';
    const disc = `${key}#near:3.5,7.0,11`;
    const merge = { key, status: 'ready', detail: { key: disc, status: 'loading' } };
    expect(maskReady(merge, key)).toBe(true);
    expect(maskReady(merge, disc)).toBe(false);
    expect(maskReady({ ...merge, detail: { key: disc, status: 'ready' } }, disc)).toBe(true);
    expect(maskReady({ ...merge, status: 'loading' }, key)).toBe(false);
    expect(maskReady({ ...merge, detail: null }, disc)).toBe(false);
  });
});
