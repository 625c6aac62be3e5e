import { describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { objectKind } from '../../../../../src/domain/checks/rules/missedObjectKind.ts';

describe('objectKind', () => {
  it('sorts the KITTI classes into vehicles, people and the rest by their size ranges', () => {
    const kinds = Object.fromEntries(Object.entries(defaultDictionary.classes).map(([name, rule]) => [name, objectKind(rule)]));
    expect(kinds).toEqual({
      Car: 'vehicle',
      Van: 'vehicle',
      Truck: 'vehicle',
      Tram: 'vehicle',
      Pedestrian: 'person',
      Person_sitting: 'person',
      Cyclist: 'person',
      Misc: 'other',
    });
  });

  it('sorts a dataset’s own classes the same way', () => {
    expect(objectKind({ size: { l: [8, 18], w: [2.3, 2.6], h: [2.8, 4] } })).toBe('vehicle'); // a bus
    expect(objectKind({ size: { l: [0.2, 0.5], w: [0.2, 0.5], h: [0.3, 1] } })).toBe('other'); // a traffic cone
    expect(objectKind({ size: { l: [1.5, 2.5], w: [0.5, 1], h: [1.2, 1.9] } })).toBe('person'); // a motorcyclist
  });
});
