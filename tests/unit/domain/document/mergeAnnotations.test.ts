import { describe, expect, it } from 'vitest';
import { emptyAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import type { Dismissal, FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { mergeAnnotations } from '../../../../src/domain/document/mergeAnnotations.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';

const box = (id: string, x: number, extra: Partial<Cuboid> = {}): Cuboid => ({
  id,
  trackId: null,
  label: 'Car',
  center: [x, 0, -1],
  size: [4, 1.8, 1.5],
  yaw: 0,
  attributes: { truncated: 0, occluded: 0 },
  source: 'manual',
  ...extra,
});
const doc = (revision: number, cuboids: Cuboid[], extra: Partial<FrameAnnotation> = {}): FrameAnnotation => ({
  ...emptyAnnotation('f'),
  revision,
  cuboids,
  ...extra,
});

describe('mergeAnnotations', () => {
  const base = doc(3, [box('a', 10), box('b', 20), box('c', 30)]);

  it('keeps both sides’ edits to different boxes, adds and deletes included', () => {
    const mine = doc(3, [box('a', 11), box('b', 20), box('c', 30), box('mine-new', 40)]);
    const theirs = doc(4, [box('a', 10), box('b', 20, { label: 'Van' }), box('their-new', 50)], { status: 'in_progress' });
    const r = mergeAnnotations(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.doc.revision).toBe(4);
    expect(r.doc.status).toBe('in_progress');
    expect(r.doc.cuboids.map((c) => `${c.id}:${c.label}@${c.center[0]}`)).toEqual(['a:Car@11', 'b:Van@20', 'their-new:Car@50', 'mine-new:Car@40']);
  });

  it('takes a box changed the same way on both sides, and names boxes changed differently', () => {
    const mine = doc(3, [box('a', 12), box('b', 21), box('c', 30)]);
    const theirs = doc(4, [box('a', 12), box('b', 22)]);
    const r = mergeAnnotations(base, mine, theirs);
    // b moved differently on both sides; c was deleted there and untouched here, so it goes.
    expect(r.conflicts).toEqual(['b']);
    expect(r.doc.cuboids.find((c) => c.id === 'a')?.center[0]).toBe(12);
    expect(r.doc.cuboids.some((c) => c.id === 'c')).toBe(false);
  });

  it('treats a box deleted on one side and untouched on the other as deleted', () => {
    const mine = doc(3, [box('a', 10), box('b', 20)]);
    const theirs = doc(4, [box('a', 10), box('b', 20), box('c', 30)]);
    const r = mergeAnnotations(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.doc.cuboids.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('is not fooled by the same box written with its keys in another order', () => {
    const reordered = { ...box('a', 10) };
    const shuffled = Object.fromEntries(Object.entries(reordered).reverse()) as unknown as Cuboid;
    const r = mergeAnnotations(base, doc(3, [shuffled, box('b', 20), box('c', 30)]), doc(4, [box('a', 15), box('b', 20), box('c', 30)]));
    expect(r.conflicts).toEqual([]);
    expect(r.doc.cuboids[0].center[0]).toBe(15);
  });

  it('merges "not an object" dismissals by id, like boxes', () => {
    const place = (id: string, x: number, extra: Partial<Dismissal> = {}): Dismissal => ({ id, location: [x, 5, -1], radius: 1.5, ...extra });
    const start = doc(3, [box('a', 10)], { dismissals: [place('x1', 10), place('x2', 20)] });
    // I dismissed a new place and removed x1; they widened x2 and dismissed another place.
    const mine = doc(3, [box('a', 10)], { dismissals: [place('x2', 20), place('mine', 30)] });
    const theirs = doc(4, [box('a', 10)], { dismissals: [place('x1', 10), place('x2', 20, { radius: 3 }), place('theirs', 40)] });
    const r = mergeAnnotations(start, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.doc.dismissals.map((d) => `${d.id}:${d.radius}`)).toEqual(['x2:3', 'theirs:1.5', 'mine:1.5']);
    // Both changed x2 differently: a conflict named by its id, my version kept until the user chooses.
    const mine2 = doc(3, [box('a', 10)], { dismissals: [place('x1', 10), place('x2', 20, { radius: 2 })] });
    const r2 = mergeAnnotations(start, mine2, theirs);
    expect(r2.conflicts).toEqual(['x2']);
    expect(r2.doc.dismissals.find((d) => d.id === 'x2')?.radius).toBe(2);
  });
});
