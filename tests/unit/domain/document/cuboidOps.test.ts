import { describe, expect, it } from 'vitest';
import {
  addCuboid,
  addCuboids,
  createCuboid,
  findCuboid,
  newCuboidId,
  newTrackId,
  normalizeYaw,
  noteTrackIds,
  trackNumbersFrom,
  removeCuboids,
  updateCuboid,
  updateCuboids,
} from '../../../../src/domain/document/cuboidOps.ts';
import { emptyAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { classDefaultSize } from '../../../../src/domain/document/classDefaultSizes.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';

function box(id: string, extra: Partial<Cuboid> = {}): Cuboid {
  const base = createCuboid({ id, trackId: null, label: 'Car', center: [10, 2, -0.9], size: [4, 1.7, 1.5], yaw: 0, source: 'manual' });
  return { ...base, ...extra };
}

describe('cuboid ids', () => {
  it('are distinct and use the injected random source', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newCuboidId()));
    expect(ids.size).toBe(200);
    expect(newCuboidId(() => 0)).toMatch(/^c\d+-000000$/);
    expect(newTrackId(() => 0.999)).toMatch(/^t\d+-zzzzzz$/);
  });

  it('number tracks on their own: a new box and its track do not share one count', () => {
    const track = (id: string): number => Number(/^t(\d+)-/.exec(id)![1]);
    const first = track(newTrackId());
    newCuboidId();
    newCuboidId();
    expect(track(newTrackId())).toBe(first + 1);
  });

  it('number new tracks past the tracks already saved (after a reload the count does not start again at 1)', () => {
    const track = (id: string): number => Number(/^t(\d+)-/.exec(id)![1]);
    const next = track(newTrackId()) + 1;
    noteTrackIds(['t' + (next + 40) + '-abcdef', null, 'uuid-from-nuscenes', 't3-xyzxyz']);
    expect(track(newTrackId())).toBe(next + 41);
    // Lower numbers never pull the count back.
    noteTrackIds(['t1-aaaaaa']);
    expect(track(newTrackId())).toBe(next + 42);
  });
});

describe('createCuboid', () => {
  it('fills defaults and normalises yaw to (-pi, pi]', () => {
    const c = createCuboid({ label: 'Van', center: [1, 2, 3], size: [5, 2, 2], yaw: 3 * Math.PI, source: 'fit' });
    expect(c.id).toMatch(/^c/);
    expect(c.trackId).toMatch(/^t/);
    expect(c.attributes).toEqual({ truncated: 0, occluded: 0 });
    expect(c.yaw).toBeCloseTo(Math.PI, 12);
    expect(normalizeYaw(-Math.PI)).toBeCloseTo(Math.PI, 12);
  });
});

describe('addCuboid / removeCuboids', () => {
  it('adds immutably and refuses duplicate ids', () => {
    const doc = emptyAnnotation('000001');
    const next = addCuboid(doc, box('a'));
    expect(doc.cuboids).toHaveLength(0);
    expect(next.cuboids.map((c) => c.id)).toEqual(['a']);
    expect(() => addCuboid(next, box('a'))).toThrow(/cuboidOps.addCuboid: frame 000001 already has a cuboid with id "a"/);
  });

  it('removes by id and returns the same document when nothing matches', () => {
    const doc = addCuboids(emptyAnnotation('f'), [box('a'), box('b'), box('c')]);
    const next = removeCuboids(doc, ['a', 'c']);
    expect(next.cuboids.map((c) => c.id)).toEqual(['b']);
    expect(removeCuboids(next, ['zz'])).toBe(next);
  });
});

describe('updateCuboid', () => {
  it('drops kitti2d on a geometric change and keeps source', () => {
    const imported = box('a', { source: 'import', kitti2d: { alpha: 0.1, bbox: [1, 2, 3, 4] } });
    const doc = addCuboid(emptyAnnotation('f'), imported);
    const moved = updateCuboid(doc, 'a', { center: [11, 2, -0.9] });
    const c = findCuboid(moved, 'a')!;
    expect(c.center).toEqual([11, 2, -0.9]);
    expect(c.kitti2d).toBeUndefined();
    expect(c.source).toBe('import');
    expect(findCuboid(doc, 'a')!.kitti2d).toBeDefined();
  });

  it('keeps kitti2d for a label or attribute change and merges attributes', () => {
    const doc = addCuboid(emptyAnnotation('f'), box('a', { kitti2d: { alpha: 0, bbox: [0, 0, 1, 1] } }));
    const next = updateCuboid(doc, 'a', { label: 'Van', attributes: { occluded: 2 } });
    const c = findCuboid(next, 'a')!;
    expect(c.label).toBe('Van');
    expect(c.attributes).toEqual({ truncated: 0, occluded: 2 });
    expect(c.kitti2d).toEqual({ alpha: 0, bbox: [0, 0, 1, 1] });
  });

  it('returns the same document for a no-op patch or an unknown id', () => {
    const doc = addCuboid(emptyAnnotation('f'), box('a'));
    expect(updateCuboid(doc, 'a', { center: [10, 2, -0.9], label: 'Car' })).toBe(doc);
    expect(updateCuboid(doc, 'nope', { label: 'Van' })).toBe(doc);
  });

  it('patches several boxes in one new document', () => {
    const doc = addCuboids(emptyAnnotation('f'), [box('a'), box('b')]);
    const next = updateCuboids(doc, { a: { yaw: 1 }, b: { yaw: 2 * Math.PI + 0.5 } });
    expect(next.cuboids.map((c) => c.yaw)).toEqual([1, expect.closeTo(0.5, 12)]);
  });
});

describe('classDefaultSize', () => {
  it('knows KITTI classes, takes configured sizes first and falls back to the generic size', () => {
    expect(classDefaultSize('Car')).toEqual([3.9, 1.6, 1.56]);
    expect(classDefaultSize('Unicorn')).toEqual([2, 1.2, 1.5]);
    expect(classDefaultSize('toString')).toEqual([2, 1.2, 1.5]);
    expect(classDefaultSize('Car', { Car: [4, 2, 1] })).toEqual([4, 2, 1]);
  });

  it('number past the open document when the page gives it: an undone box gives its number back, and one action’s new tracks differ', async () => {
    const track = (id: string): number => Number(/^t(\d+)-/.exec(id)![1]);
    const floor = track(newTrackId());
    await Promise.resolve();
    let live: string[] = [];
    trackNumbersFrom(() => live);
    try {
      const fit = newTrackId();
      expect(track(fit)).toBe(floor + 1);
      live = [fit];
      await Promise.resolve();
      expect(track(newTrackId())).toBe(floor + 2);
      // The fit undone: its number is free again.
      live = [];
      await Promise.resolve();
      expect(track(newTrackId())).toBe(floor + 1);
      // Three copies made in one action, before the document holds any of them.
      await Promise.resolve();
      const copies = [newTrackId(), newTrackId(), newTrackId()].map(track);
      expect(copies).toEqual([floor + 1, floor + 2, floor + 3]);
      // Tracks of saved frames (noted) still count.
      await Promise.resolve();
      noteTrackIds([`t${floor + 9}-aaaaaa`]);
      expect(track(newTrackId())).toBe(floor + 10);
    } finally {
      trackNumbersFrom(null);
    }
  });
});
