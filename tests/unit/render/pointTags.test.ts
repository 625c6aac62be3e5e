import { describe, expect, it } from 'vitest';
import { BufferAttribute, BufferGeometry } from 'three';
import { createPointTags } from '../../../src/render/pointTags.ts';

const pointTags = createPointTags();
const syncTagAttributes = pointTags.syncAttributes;

function chunk(): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(12), 3));
  return g;
}

describe('point tags on chunk geometries', () => {
  it('gives each chunk its slice of the frame’s box numbers and ground flags, re-uploading only what changed', () => {
    const a = chunk();
    const b = chunk();
    pointTags.setBoxes('f1', new Uint16Array([0, 1, 1, 0, 2, 2, 0, 0]), ['x', 'y']);
    pointTags.setGround('f1', new Uint8Array([1, 0, 0, 1, 0, 0, 1, 1]));
    expect(syncTagAttributes('f1', a, 0, 4)).toBe(true);
    expect(syncTagAttributes('f1', b, 4, 4)).toBe(true);
    expect(Array.from(a.getAttribute('aBox').array)).toEqual([0, 1, 1, 0]);
    expect(Array.from(b.getAttribute('aBox').array)).toEqual([2, 2, 0, 0]);
    expect(Array.from(b.getAttribute('aGround').array)).toEqual([0, 0, 1, 1]);
    // Nothing new: nothing to do.
    expect(syncTagAttributes('f1', a, 0, 4)).toBe(false);

    // A box moved: only the chunk whose numbers changed is uploaded again.
    const aBox = a.getAttribute('aBox') as BufferAttribute;
    const bBox = b.getAttribute('aBox') as BufferAttribute;
    const [va, vb] = [aBox.version, bBox.version];
    pointTags.setBoxes('f1', new Uint16Array([0, 1, 1, 0, 0, 2, 2, 0]), ['x', 'y']);
    syncTagAttributes('f1', a, 0, 4);
    syncTagAttributes('f1', b, 4, 4);
    expect(aBox.version).toBe(va);
    expect(bBox.version).toBe(vb + 1);
    expect(Array.from(b.getAttribute('aBox').array)).toEqual([0, 2, 2, 0]);
    expect(pointTags.boxIds('f1')).toEqual(['x', 'y']);
  });

  it('drops the tags of another frame, and tags too short for a chunk', () => {
    const g = chunk();
    pointTags.setBoxes('f2', new Uint16Array([1, 1, 1, 1]), ['z']);
    syncTagAttributes('f2', g, 0, 4);
    expect(g.getAttribute('aBox')).toBeDefined();
    pointTags.setGround('f3', new Uint8Array([1, 1]));
    syncTagAttributes('f2', g, 0, 4);
    expect(g.getAttribute('aBox')).toBeUndefined();
    expect(pointTags.hasGround('f3')).toBe(true);
    expect(pointTags.boxIds('f2')).toEqual([]);
    const h = chunk();
    syncTagAttributes('f3', h, 0, 4);
    expect(h.getAttribute('aGround')).toBeUndefined();
  });
});
