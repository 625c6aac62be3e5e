import { describe, expect, it } from 'vitest';
import { invalidAttribute } from '../../../../../src/domain/checks/rules/invalidAttribute.ts';
import { missingAttribute } from '../../../../../src/domain/checks/rules/missingAttribute.ts';
import { unknownClass } from '../../../../../src/domain/checks/rules/unknownClass.ts';
import { createCheckContext } from '../../../../../src/domain/checks/createCheckContext.ts';
import { defaultDictionary } from '../../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { setClassRule } from '../../../../../src/domain/checks/dictionary/editDictionary.ts';
import type { Cuboid } from '../../../../../src/domain/types.ts';
import { box } from '../sceneFixtures.ts';

const ctx = (cuboids: Cuboid[], dictionary = defaultDictionary) => createCheckContext({ frameId: 'f', positions: new Float32Array(0), cuboids, dictionary });

describe('unknownClass', () => {
  it('errors on a class not in the dictionary, suggesting a case-insensitive match', () => {
    const r = unknownClass(ctx([box('a', 'car', 5, 0, [4, 2, 1.5]), box('b', 'Bus', 5, 5, [10, 2.5, 3]), box('c', 'Car', 5, -5, [4, 2, 1.5])]));
    expect(r.map((x) => x.cuboidId)).toEqual(['a', 'b']);
    expect(r[0].message).toBe('Class "car" is not in the dictionary (did you mean "Car"?)');
    expect(r[1].message).toMatch(/^Class "Bus" is not in the dictionary \(classes: Car, Van, Truck, /);
    expect(r[1]).toMatchObject({ severity: 'error', dictionaryEntry: 'classes-only' });
  });

  it('does not treat Object.prototype names as classes', () => {
    expect(unknownClass(ctx([box('a', 'toString', 5, 0, [1, 1, 1])]))).toHaveLength(1);
  });
});

describe('missingAttribute', () => {
  const dict = setClassRule(defaultDictionary, 'Car', { ...defaultDictionary.classes.Car, requiredAttributes: ['truncated', 'occluded', 'colour', 'parked'] });

  it('errors once per box, listing every required attribute without a value', () => {
    const r = missingAttribute(ctx([box('a', 'Car', 5, 0, [4, 2, 1.5], 0, { attributes: { truncated: NaN, occluded: 0, colour: ' ' } })], dict));
    expect(r).toHaveLength(1);
    expect(r[0].message).toBe('Car box has no value for required attributes "truncated", "colour", "parked"');
    expect(r[0].dictionaryEntry).toBe('classes.Car.requiredAttributes');
  });

  it('accepts numbers, text and booleans', () => {
    const full = box('a', 'Car', 5, 0, [4, 2, 1.5], 0, { attributes: { truncated: 0, occluded: 1, colour: 'red', parked: false } });
    expect(missingAttribute(ctx([full], dict))).toEqual([]);
  });
});

describe('invalidAttribute', () => {
  it('errors on values KITTI does not allow and warns on occluded = 3', () => {
    const r = invalidAttribute(
      ctx([
        box('t', 'Car', 5, 0, [4, 2, 1.5], 0, { attributes: { truncated: 1.5, occluded: 0 } }),
        box('o', 'Car', 5, 5, [4, 2, 1.5], 0, { attributes: { truncated: 0, occluded: 5 } }),
        box('u', 'Cyclist', 5, -5, [1.8, 0.6, 1.7], 0, { attributes: { truncated: 0, occluded: 3 } }),
        box('ok', 'Car', 15, 0, [4, 2, 1.5], 0, { attributes: { truncated: 1, occluded: 2 } }),
      ]),
    );
    expect(r.map((x) => [x.cuboidId, x.severity])).toEqual([
      ['t', 'error'],
      ['o', 'error'],
      ['u', 'warning'],
    ]);
    expect(r[2].message).toBe('Cyclist box has occluded = 3 ("unknown"), which removes it from every KITTI difficulty level; choose 0, 1 or 2');
    expect(r[2].dictionaryEntry).toBe('occlusion-unknown');
  });
});
