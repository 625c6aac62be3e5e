import { describe, expect, it } from 'vitest';
import { emptyAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { carryCuboid } from '../../../../src/domain/sequence/carryCuboid.ts';
import { mergeTrackBoxes } from '../../../../src/domain/sequence/mergeTrackBoxes.ts';
import { keyframe, trackBox } from './sequenceFixtures.ts';

const docWith = (...cuboids: ReturnType<typeof trackBox>[]) => ({ ...emptyAnnotation('f1'), cuboids });

describe('carryCuboid', () => {
  it('copies label, track and attributes onto the new geometry, never as a keyframe', () => {
    const from = { ...trackBox('a', 0, { ...keyframe, attributes: { keyframe: true, occluded: 1, colour: 'red' } }), score: 0.9 };
    const c = carryCuboid(from, { center: [1, 2, 3], size: [4, 2, 1.5], yaw: 4 });
    expect(c).toMatchObject({ trackId: 'a', label: 'Car', center: [1, 2, 3], size: [4, 2, 1.5], source: 'fit' });
    expect(c.yaw).toBeCloseTo(4 - 2 * Math.PI, 12);
    expect(c.attributes).toEqual({ truncated: 0, occluded: 1, colour: 'red' });
    expect(c.score).toBeUndefined();
    expect(c.id).not.toBe(from.id);
  });

  it('marks for attention on request, clears a stale mark otherwise, keeps an existing id', () => {
    const from = trackBox('a', 0, { attributes: { needsAttention: true } });
    const existing = trackBox('a', 5, { id: 'there' });
    expect(carryCuboid(from, from, { existing }).attributes.needsAttention).toBeUndefined();
    const marked = carryCuboid(from, from, { needsAttention: true, existing, source: 'manual' });
    expect(marked.attributes.needsAttention).toBe(true);
    expect(marked.id).toBe('there');
    expect(marked.source).toBe('manual');
  });
});

describe('mergeTrackBoxes', () => {
  it('replaces the box of the same track in place (keeping its id) and appends new tracks', () => {
    const doc = docWith(trackBox('a', 0, { id: 'a-here' }), trackBox('z', 9));
    const r = mergeTrackBoxes(doc, [trackBox('a', 1, { id: 'new-a' }), trackBox('b', 2)]);
    expect(r.doc.cuboids.map((c) => [c.id, c.trackId, c.center[0]])).toEqual([
      ['a-here', 'a', 1],
      ['z@9', 'z', 9],
      ['b@2', 'b', 2],
    ]);
    expect(r.boxes.map((c) => c.id)).toEqual(['a-here', 'b@2']);
    expect(r.keptKeyframes).toEqual([]);
    expect(doc.cuboids[0].center[0]).toBe(0);
  });

  it('never replaces a keyframe, and returns it as the track box', () => {
    const doc = docWith(trackBox('a', 0, keyframe));
    const r = mergeTrackBoxes(doc, [trackBox('a', 3)]);
    expect(r.doc).toBe(doc);
    expect(r.keptKeyframes).toEqual(['a']);
    expect(r.boxes[0]).toBe(doc.cuboids[0]);
  });

  it('gives an appended box a fresh id when its id is taken', () => {
    const doc = docWith(trackBox('a', 0, { id: 'same' }));
    const r = mergeTrackBoxes(doc, [trackBox('b', 1, { id: 'same' })]);
    expect(r.doc.cuboids).toHaveLength(2);
    expect(r.doc.cuboids[1].id).not.toBe('same');
    expect(new Set(r.doc.cuboids.map((c) => c.id)).size).toBe(2);
  });

  it('lets an already boxed object (no track yet) join the track as it is instead of adding a duplicate', () => {
    const imported = trackBox(null, 10, { id: 'gt', label: 'Van', source: 'import' });
    const doc = docWith(imported, trackBox(null, 40, { id: 'far' }));
    const r = mergeTrackBoxes(doc, [trackBox('t', 10.6), trackBox('u', 25)]);
    expect(r.adopted).toEqual(['t']);
    expect(r.doc.cuboids.map((c) => [c.id, c.trackId, c.label, c.center[0], c.source])).toEqual([
      ['gt', 't', 'Van', 10, 'import'],
      ['far', null, 'Car', 40, 'manual'],
      ['u@25', 'u', 'Car', 25, 'manual'],
    ]);
    expect(r.boxes.map((c) => c.id)).toEqual(['gt', 'u@25']);
  });

  it('with lockSize, the box that joins takes the track size about its own centre', () => {
    const imported = { ...trackBox(null, 10, { id: 'gt', source: 'import' }), size: [4.2, 1.7, 1.4] as [number, number, number] };
    const carried = { ...trackBox('t', 10.3), size: [4.6, 1.9, 1.5] as [number, number, number] };
    const r = mergeTrackBoxes(docWith(imported), [carried], { lockSize: true });
    expect(r.adopted).toEqual(['t']);
    expect(r.doc.cuboids[0]).toMatchObject({ id: 'gt', trackId: 't', size: [4.6, 1.9, 1.5], center: imported.center, yaw: imported.yaw });
    // Without it, the box joins as it is.
    expect(mergeTrackBoxes(docWith(imported), [carried]).doc.cuboids[0].size).toEqual([4.2, 1.7, 1.4]);
  });

  it("prefers the track's own box, and never takes over a box of another track", () => {
    const doc = docWith(trackBox(null, 10, { id: 'loose' }), trackBox('other', 20, { id: 'o' }), trackBox('t', 11, { id: 'mine' }));
    const r = mergeTrackBoxes(doc, [trackBox('t', 10.2), trackBox('v', 20.1)]);
    expect(r.adopted).toEqual([]);
    expect(r.doc.cuboids.find((c) => c.id === 'mine')?.center[0]).toBe(10.2);
    expect(r.doc.cuboids.find((c) => c.id === 'loose')?.trackId).toBeNull();
    expect(r.doc.cuboids.filter((c) => c.trackId === 'v')).toHaveLength(1);
    expect(r.doc.cuboids.find((c) => c.id === 'o')?.trackId).toBe('other');
  });

  it('lets a box made in the app (a track of its own, in no other frame) join, but not a box of a track seen elsewhere', () => {
    const drawn = trackBox('solo', 10, { id: 'drawn', source: 'fit' });
    const doc = docWith(drawn, trackBox('long', 20, { id: 'tracked' }));
    const spansFrames = new Set(['long']);
    const joinable = (c: { trackId: string | null }) => c.trackId === null || !spansFrames.has(c.trackId);
    const r = mergeTrackBoxes(doc, [trackBox('t', 10.4), trackBox('v', 20.2)], { joinable });
    expect(r.adopted).toEqual(['t']);
    expect(r.doc.cuboids.map((c) => [c.id, c.trackId])).toEqual([
      ['drawn', 't'],
      ['tracked', 'long'],
      ['v@20.2', 'v'],
    ]);
    // Without the option, a box with a track id of its own is not taken over: the carried box is added beside it.
    expect(mergeTrackBoxes(doc, [trackBox('t', 10.4)]).doc.cuboids).toHaveLength(3);
  });
});
