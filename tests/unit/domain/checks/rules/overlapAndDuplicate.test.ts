import { describe, expect, it } from 'vitest';
import { duplicate } from '../../../../../src/domain/checks/rules/duplicate.ts';
import { overlap } from '../../../../../src/domain/checks/rules/overlap.ts';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { box } from '../sceneFixtures.ts';

const ctx = (cuboids: Cuboid[], only?: string[]) => {
  const c = createCheckContext({ frameId: 'f', positions: new Float32Array(0), cuboids });
  return only ? { ...c, only: new Set(only) } : c;
};

describe('overlap', () => {
  it('reports overlapping boxes on both, naming the other box and the IoU', () => {
    const cuboids = [box('a', 'Car', 10, 0, [4, 2, 1.5]), box('b', 'Car', 11, 0.5, [4, 2, 1.5]), box('far', 'Car', 30, 0, [4, 2, 1.5])];
    const r = overlap(ctx(cuboids));
    expect(r.map((x) => [x.cuboidId, x.otherCuboidId, x.severity])).toEqual([
      ['a', 'b', 'error'],
      ['b', 'a', 'error'],
    ]);
    expect(r[0].message).toBe('Car box overlaps the Car box at (11.0, 0.5) (3D IoU 0.39; at most 0.05 allowed between two Car boxes)');
  });

  it('allows the overlaps the dictionary allows for the class pair', () => {
    // Two pedestrians side by side touching a little: IoU about 0.08, allowed 0.15.
    const peds = [box('p', 'Pedestrian', 10, 0, [0.6, 0.6, 1.7]), box('q', 'Pedestrian', 10, 0.5, [0.6, 0.6, 1.7])];
    expect(overlap(ctx(peds))).toEqual([]);
    const rider = [box('p', 'Pedestrian', 10, 0, [0.6, 0.6, 1.7]), box('c', 'Cyclist', 10.3, 0, [1.8, 0.6, 1.7])];
    const r = overlap(ctx(rider));
    expect(r).toHaveLength(2);
    expect(r[0].dictionaryEntry).toBe('rider-on-bicycle');
  });

  it('reports only on the boxes of an incremental run', () => {
    const cuboids = [box('a', 'Car', 10, 0, [4, 2, 1.5]), box('b', 'Car', 11, 0.5, [4, 2, 1.5])];
    expect(overlap(ctx(cuboids, ['b'])).map((x) => x.cuboidId)).toEqual(['b']);
    expect(overlap(ctx(cuboids, ['zzz']))).toEqual([]);
  });

  it('leaves near-identical boxes to the duplicate rule', () => {
    expect(overlap(ctx([box('a', 'Car', 10, 0, [4, 2, 1.5]), box('b', 'Car', 10.05, 0, [4, 2, 1.5])]))).toEqual([]);
  });
});

describe('duplicate', () => {
  it('reports near-identical boxes on both, whatever their classes', () => {
    const r = duplicate(ctx([box('a', 'Car', 10, 0, [4, 2, 1.5]), box('b', 'Van', 10.1, 0, [4, 2, 1.5], 0.02)]));
    expect(r.map((x) => [x.cuboidId, x.otherCuboidId])).toEqual([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(r[0].message).toMatch(/^Car box duplicates the Van box at \(10\.1, 0\.0\): 3D IoU 0\.9\d$/);
    expect(r[0].dictionaryEntry).toBe('one-box-per-object');
  });

  it('passes boxes that merely overlap', () => {
    expect(duplicate(ctx([box('a', 'Car', 10, 0, [4, 2, 1.5]), box('b', 'Car', 12, 0, [4, 2, 1.5])]))).toEqual([]);
  });
});
