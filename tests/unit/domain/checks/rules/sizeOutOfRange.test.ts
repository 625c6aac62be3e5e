import { describe, expect, it } from 'vitest';
import { sizeOutOfRange } from '../../../../../src/domain/checks/rules/sizeOutOfRange.ts';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { box, contextFor, sceneWith } from '../sceneFixtures.ts';

const run = (...cuboids: Cuboid[]) => sizeOutOfRange(createCheckContext({ frameId: 'f', positions: new Float32Array(0), cuboids }));

describe('sizeOutOfRange', () => {
  it('errors on a size far outside the class range and names every bad dimension', () => {
    const r = run(box('a', 'Car', 10, 0, [8, 0.9, 1.5]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ severity: 'error', cuboidId: 'a', dictionaryEntry: 'classes.Car.size' });
    expect(r[0].message).toBe('Car box is 8.00 m long and 0.90 m wide; a Car is 3.00–5.80 m long and 1.35–2.35 m wide');
  });

  it('warns when within 10 % of a bound, passes inside the range', () => {
    expect(run(box('a', 'Car', 10, 0, [6.0, 1.8, 1.5]))[0].severity).toBe('warning');
    expect(run(box('a', 'Car', 10, 0, [4.2, 1.8, 1.5]))).toEqual([]);
    expect(run(box('p', 'Pedestrian', 5, 0, [0.8, 0.6, 1.75]))).toEqual([]);
  });

  it('errors when two sizes are beyond the range, even each within 10 % (a box 40 % too big, not an unusual car)', () => {
    const r = run(box('a', 'Car', 10, 0, [6.2, 2.5, 1.5]));
    expect(r[0]).toMatchObject({ severity: 'error' });
    expect(r[0].message).toBe('Car box is 6.20 m long and 2.50 m wide; a Car is 3.00–5.80 m long and 1.35–2.35 m wide');
    // One size just beyond: a warning (a wide SUV with its mirrors, as some datasets box it).
    expect(run(box('a', 'Car', 10, 0, [5.3, 2.45, 1.9]))[0]).toMatchObject({ severity: 'warning' });
    // A van-sized car of nuScenes or Argoverse 2 (their car class holds SUVs and vans): within the range.
    expect(run(box('a', 'Car', 10, 0, [5.3, 2.3, 2.2]))).toEqual([]);
  });

  it('lets a truncated box be shorter or narrower, but not lower', () => {
    const t = { attributes: { truncated: 1, occluded: 0 } };
    expect(run(box('a', 'Car', 10, 0, [1.5, 1.0, 1.5], 0, t))).toEqual([]);
    expect(run(box('a', 'Car', 10, 0, [1.5, 1.0, 0.6], 0, t))[0].message).toBe('Car box is 0.60 m tall; a Car is 1.15–2.30 m tall');
  });

  it('errors on a non-positive or non-finite size, even for an unknown class', () => {
    expect(run(box('a', 'Bus', 10, 0, [0, 1, 1]))[0].message).toBe('Bus box has an invalid size 0.00 × 1.00 × 1.00 m');
    expect(run(box('a', 'Car', 10, 0, [NaN, 1, 1]))[0].severity).toBe('error');
    expect(run(box('a', 'Bus', 10, 0, [20, 3, 4]))).toEqual([]);
  });

  it('warns, not errors, when the returns show the object has the unusual size', () => {
    // A light truck 1.7 m wide, scanned: its returns fill the box and stop at its faces.
    const narrow = box('t', 'Truck', 15, 0, [5.1, 1.7, 2.3]);
    const r = sizeOutOfRange(contextFor(sceneWith([narrow]), [narrow]));
    expect(r[0]).toMatchObject({ severity: 'warning', cuboidId: 't' });
    expect(r[0].message).toMatch(
      /^Truck box is 1\.70 m wide; a Truck is 1\.90–3\.20 m wide\. Its \d+ returns span 1\.6\d m and stop at its faces \(under 1\.90\): an unusual Truck, or another class$/,
    );
    // A person pushing a trolley: the returns spread 1.7 m, past the class's 1.5 m.
    const long = box('p', 'Pedestrian', 10, 3, [1.75, 0.7, 1.8]);
    const p = sizeOutOfRange(contextFor(sceneWith([long]), [long]));
    expect(p[0].severity).toBe('warning');
    expect(p[0].message).toContain('(more than 1.50): an unusual Pedestrian, or another class');
  });

  it('still errors on a box shrunk or grown off its object, whose returns do not vouch for its size', () => {
    // The truck is 2.5 m wide; a box 1.6 m wide leaves its sides outside.
    const truck = box('t', 'Truck', 15, 0, [6, 2.5, 3]);
    const thin = { ...truck, size: [6, 1.6, 3] as [number, number, number] };
    expect(sizeOutOfRange(contextFor(sceneWith([truck]), [thin]))[0]).toMatchObject({ severity: 'error' });
    // A pedestrian 0.6 m long in a box 1.8 m long: the returns span 0.6 m.
    const person = box('p', 'Pedestrian', 10, 3, [0.6, 0.6, 1.75]);
    const loose = { ...person, size: [1.8, 0.6, 1.75] as [number, number, number] };
    expect(sizeOutOfRange(contextFor(sceneWith([person]), [loose]))[0]).toMatchObject({ severity: 'error' });
    // Too few returns to vouch: an error.
    const far = box('f', 'Truck', 15, 0, [5.1, 1.7, 2.3]);
    expect(sizeOutOfRange(contextFor(sceneWith([]), [far]))[0]).toMatchObject({ severity: 'error' });
  });
});
