import { describe, expect, it } from 'vitest';
import { outsideRange } from '../../../../../src/domain/checks/rules/outsideRange.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { box, contextFor, groundPoints, cloud } from '../sceneFixtures.ts';

const ground = cloud(groundPoints(-5, 35, -20, 20, 0.5));

describe('outsideRange', () => {
  it('passes boxes inside the scanned area', () => {
    expect(outsideRange(contextFor(ground, [box('a', 'Car', 10, 3, [4, 1.8, 1.5])]))).toEqual([]);
  });

  it('errors on a box beyond the scan or outside the points: the range is the scan’s own', () => {
    const r = outsideRange(contextFor(ground, [box('far', 'Car', 130, 0, [4, 1.8, 1.5]), box('side', 'Car', 10, 30, [4, 1.8, 1.5])]));
    expect(r.map((x) => [x.cuboidId, x.severity])).toEqual([
      ['far', 'error'],
      ['side', 'error'],
    ]);
    expect(r[0].message).toBe('Car box lies outside the scanned area (points cover x -5.0 to 35.0 m, y -20.0 to 20.0 m)');
    expect(r[1].message).toBe('Car box lies outside the scanned area (points cover x -5.0 to 35.0 m, y -20.0 to 20.0 m)');
  });

  it('passes a far box the scan reaches, and warns past a labelling range the SOP sets', () => {
    const long = cloud(groundPoints(-5, 35, -20, 20, 0.5), groundPoints(140, 160, -5, 5, 0.5));
    const far = box('far', 'Car', 150, 0, [4, 1.8, 1.5]);
    expect(outsideRange(contextFor(long, [far]))).toEqual([]);
    const dictionary = { ...defaultDictionary, settings: { ...defaultDictionary.settings, sensorRange: 120 } };
    const r = outsideRange(contextFor(long, [far], { dictionary }));
    expect(r.map((x) => [x.cuboidId, x.severity])).toEqual([['far', 'warning']]);
    expect(r[0].message).toBe('Car box is 150 m from the sensor, beyond the 120 m labelling range');
  });

  it('errors on a box whose nearest point is beyond the farthest point of the frame', () => {
    const square = groundPoints(-20, 20, -20, 20, 0.5);
    const disc: number[] = [];
    for (let i = 0; i < square.length; i += 3) {
      if (Math.hypot(square[i], square[i + 1]) <= 20) disc.push(square[i], square[i + 1], square[i + 2]);
    }
    const r = outsideRange(contextFor(cloud(disc), [box('a', 'Car', 19, 19, [3, 1.6, 1.5])]));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ severity: 'error', dictionaryEntry: 'truncated-by-scan-range' });
    expect(r[0].message).toMatch(/^Car box is 2\d m away at its nearest; the farthest point of this frame is 20 m away$/);
  });

  it('warns when a box reaches past the scanned area, unless marked truncated', () => {
    const edge = box('e', 'Truck', 34, 0, [10, 2.5, 3]);
    expect(outsideRange(contextFor(ground, [edge]))[0]).toMatchObject({ severity: 'warning', dictionaryEntry: 'object-partly-outside-scan' });
    expect(outsideRange(contextFor(ground, [{ ...edge, attributes: { truncated: 1, occluded: 0 } }]))).toEqual([]);
  });
});
