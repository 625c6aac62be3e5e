import { describe, expect, it } from 'vitest';
import { BufferAttribute, BufferGeometry } from 'three';
import { applyHiddenMask } from '../../../src/render/useMergedHiddenMask.ts';
import { MERGED_PAGE } from '../../../src/io/mergedClouds.ts';
import type { LodChunk } from '../../../src/render/lodGeometry.ts';

function chunk(page: number, count: number): LodChunk {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(MERGED_PAGE * 3), 3));
  return { geometry, start: page * MERGED_PAGE, count };
}

describe('applyHiddenMask (the merged view’s ground and hidden-box filters)', () => {
  it('gives each page its slice of the mask, once per mask version, and removes it when the filters are off', () => {
    const chunks = [chunk(0, MERGED_PAGE), chunk(1, 10)];
    // No mask yet: nothing to do, and no redraw asked for.
    expect(applyHiddenMask(chunks, null, 0)).toBe(false);
    expect(chunks[0].geometry.getAttribute('aHidden')).toBeUndefined();

    const mask = new Uint8Array(MERGED_PAGE + 10);
    mask[3] = 1;
    mask[MERGED_PAGE + 2] = 1;
    expect(applyHiddenMask(chunks, mask, 1)).toBe(true);
    const a = chunks[0].geometry.getAttribute('aHidden') as BufferAttribute;
    const b = chunks[1].geometry.getAttribute('aHidden') as BufferAttribute;
    expect(a.count).toBe(MERGED_PAGE);
    expect([a.getX(2), a.getX(3)]).toEqual([0, 1]);
    expect([b.getX(1), b.getX(2), b.getX(11)]).toEqual([0, 1, 0]);
    expect(applyHiddenMask(chunks, mask, 1)).toBe(false);

    expect(applyHiddenMask(chunks, null, 2)).toBe(true);
    expect(chunks[1].geometry.getAttribute('aHidden')).toBeUndefined();
  });
});
