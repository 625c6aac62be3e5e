import { describe, expect, it } from 'vitest';
import { emptyAnnotation, type FrameAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { diffAnnotations, wrapAngle } from '../../../../src/domain/review/diffAnnotations.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';

function box(id: string, over: Partial<Cuboid> = {}): Cuboid {
  return {
    id,
    trackId: null,
    label: 'Car',
    center: [10, 2, -0.8],
    size: [4, 1.8, 1.5],
    yaw: 0.3,
    attributes: { truncated: 0, occluded: 0 },
    source: 'manual',
    ...over,
  };
}

function doc(revision: number, cuboids: Cuboid[]): FrameAnnotation {
  return { ...emptyAnnotation('000001'), revision, cuboids };
}

describe('diffAnnotations', () => {
  it('reports Δ position, Δ size, Δ yaw and a class change per box, matched by id', () => {
    const from = doc(3, [box('a'), box('b'), box('gone')]);
    const to = doc(7, [box('a', { center: [10.5, 1.75, -0.8], size: [4.2, 1.8, 1.45], yaw: 0.1 }), box('b', { label: 'Van' }), box('new', { source: 'fit' })]);
    const d = diffAnnotations(from, to);
    expect(d.fromRevision).toBe(3);
    expect(d.toRevision).toBe(7);
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 0 });
    expect(d.boxes.map((b) => [b.cuboidId, b.change])).toEqual([
      ['a', 'changed'],
      ['b', 'changed'],
      ['new', 'added'],
      ['gone', 'removed'],
    ]);
    const a = d.boxes[0];
    expect(a.dPosition![0]).toBeCloseTo(0.5, 12);
    expect(a.dPosition![1]).toBeCloseTo(-0.25, 12);
    expect(a.dPosition![2]).toBe(0);
    expect(a.dDistance).toBeCloseTo(Math.hypot(0.5, 0.25), 12);
    expect(a.dSize![0]).toBeCloseTo(0.2, 12);
    expect(a.dSize![2]).toBeCloseTo(-0.05, 12);
    expect(a.dYaw).toBeCloseTo(-0.2, 12);
    expect(a.classChanged).toBe(false);
    expect(d.boxes[1]).toMatchObject({ fromLabel: 'Car', toLabel: 'Van', classChanged: true, dDistance: 0, dYaw: 0 });
    expect(d.boxes[2]).toMatchObject({ fromLabel: null, toLabel: 'Car', dPosition: null, dYaw: null });
    expect(d.boxes[3]).toMatchObject({ fromLabel: 'Car', toLabel: null });
  });

  it('wraps yaw across ±π: 3.1 → −3.1 is a 0.083 rad turn, a heading flip is π', () => {
    const d = diffAnnotations(doc(1, [box('a', { yaw: 3.1 }), box('b', { yaw: 0 })]), doc(2, [box('a', { yaw: -3.1 }), box('b', { yaw: Math.PI })]));
    expect(d.boxes[0].dYaw).toBeCloseTo(2 * Math.PI - 6.2, 12);
    expect(d.boxes[1].dYaw).toBeCloseTo(Math.PI, 12);
    expect(wrapAngle(-Math.PI)).toBeCloseTo(Math.PI, 12);
    expect(wrapAngle(5 * Math.PI)).toBeCloseTo(Math.PI, 12);
  });

  it('sees attribute and track changes, and calls identical boxes unchanged', () => {
    const d = diffAnnotations(
      doc(1, [box('a'), box('b'), box('c')]),
      doc(2, [box('a'), box('b', { attributes: { truncated: 0, occluded: 2 } }), box('c', { trackId: 't1' })]),
    );
    expect(d.boxes.map((b) => b.change)).toEqual(['unchanged', 'changed', 'changed']);
    expect(d.boxes[1].attributesChanged).toEqual(['occluded']);
    expect(d.boxes[2].trackChanged).toBe(true);
    expect(d.counts.unchanged).toBe(1);
  });

  it('treats float noise below the epsilon as unchanged', () => {
    const d = diffAnnotations(doc(1, [box('a')]), doc(2, [box('a', { center: [10 + 1e-12, 2, -0.8] })]));
    expect(d.boxes[0].change).toBe('unchanged');
    const coarse = diffAnnotations(doc(1, [box('a')]), doc(2, [box('a', { center: [10.001, 2, -0.8] })]), { epsilonMetres: 0.01 });
    expect(coarse.boxes[0].change).toBe('unchanged');
  });

  it('lists the "not an object" marks made and taken back, by id', () => {
    const mark = (id: string) => ({ id, location: [12, -3, -1] as [number, number, number], radius: 1.5, label: 'Car', reason: 'hedge' });
    const from = { ...doc(1, [box('a')]), dismissals: [mark('kept'), mark('gone')] };
    const to = { ...doc(2, [box('a')]), dismissals: [mark('kept'), mark('new')] };
    const d = diffAnnotations(from, to);
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 1 });
    expect(d.marks.added.map((m) => m.id)).toEqual(['new']);
    expect(d.marks.removed.map((m) => m.id)).toEqual(['gone']);
    expect(diffAnnotations(to, to).marks).toEqual({ added: [], removed: [] });
  });
});
