import { describe, expect, it } from 'vitest';
import { DictionaryError } from '../../../../src/domain/checks/dictionary/DictionaryError.ts';
import { defaultDictionary } from '../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import {
  bumpDictionaryVersion,
  removeClass,
  removeEdgeCase,
  setClassRule,
  updateSettings,
  upsertEdgeCase,
} from '../../../../src/domain/checks/dictionary/editDictionary.ts';
import { edgeCaseForRule } from '../../../../src/domain/checks/dictionary/edgeCaseForRule.ts';
import { minPointsAt } from '../../../../src/domain/checks/dictionary/minPointsAt.ts';
import { parseDictionary } from '../../../../src/domain/checks/dictionary/parseDictionary.ts';
import { searchEdgeCases } from '../../../../src/domain/checks/dictionary/searchEdgeCases.ts';
import { KITTI_CLASSES } from '../../../../src/domain/types.ts';

function thrown(fn: () => unknown): DictionaryError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DictionaryError);
    return err as DictionaryError;
  }
  throw new Error('expected a DictionaryError');
}

const json = (): Record<string, unknown> => JSON.parse(JSON.stringify(defaultDictionary));

describe('defaultDictionary', () => {
  it('covers every KITTI class but DontCare, with at least 12 edge cases that map to real rules', () => {
    const classes = Object.keys(defaultDictionary.classes);
    expect(classes.sort()).toEqual(KITTI_CLASSES.filter((c) => c !== 'DontCare').sort());
    expect(defaultDictionary.edgeCases.length).toBeGreaterThanOrEqual(12);
    const ids = defaultDictionary.edgeCases.map((e) => e.id);
    for (const id of [
      'rider-on-bicycle',
      'reflection-in-glass',
      'truncated-by-scan-range',
      'parked-trailer',
      'person-pushing-bicycle',
      'group-of-pedestrians',
      'sitting-person',
      'object-partly-outside-scan',
      'vehicle-on-car-carrier',
    ]) {
      expect(ids).toContain(id);
    }
    expect(defaultDictionary.version).toBe(1);
    expect(defaultDictionary.settings.overlapIou).toBeGreaterThan(0);
  });

  it('has size ranges that hold the KITTI sample ground truth (h w l from label_2)', () => {
    const gt: [string, number, number, number][] = [
      ['Pedestrian', 1.89, 0.48, 1.2],
      ['Truck', 2.85, 2.63, 12.34],
      ['Car', 1.67, 1.87, 3.69],
      ['Cyclist', 1.86, 0.6, 2.02],
      ['Misc', 1.63, 1.48, 2.37],
      ['Car', 1.41, 1.58, 4.36],
    ];
    for (const [label, h, w, l] of gt) {
      const r = defaultDictionary.classes[label].size;
      expect(l).toBeGreaterThanOrEqual(r.l[0]);
      expect(l).toBeLessThanOrEqual(r.l[1]);
      expect(w).toBeGreaterThanOrEqual(r.w[0]);
      expect(w).toBeLessThanOrEqual(r.w[1]);
      expect(h).toBeGreaterThanOrEqual(r.h[0]);
      expect(h).toBeLessThanOrEqual(r.h[1]);
    }
  });

  it('survives a JSON round trip through parseDictionary unchanged', () => {
    expect(parseDictionary(JSON.stringify(defaultDictionary))).toEqual(defaultDictionary);
  });
});

describe('parseDictionary', () => {
  it('fills defaults for optional parts', () => {
    const d = parseDictionary({
      version: 3,
      classes: {
        Box: { definition: 'a box', size: { l: [1, 2], w: [1, 2], h: [1, 2] }, minPoints: { default: 5 }, mustTouchGround: true },
      },
      edgeCases: [{ id: 'a-b', title: 'A', rule: 'do it' }],
    });
    expect(d.classes.Box.allowedOverlaps).toEqual([]);
    expect(d.classes.Box.minPoints.bands).toEqual([]);
    expect(d.classes.Box.findMissed).toBe(true);
    expect(d.classes.Box.rigid).toBe(true);
    expect(d.edgeCases[0].tags).toEqual([]);
    expect(d.settings.duplicateIou).toBe(0.6);
  });

  it('names the JSON path of a wrong value, with the file name', () => {
    const bad = json();
    (bad.classes as Record<string, { size: { l: unknown[] } }>).Car.size.l[1] = 'long';
    const err = thrown(() => parseDictionary(bad, 'dictionary.json'));
    expect(err.message).toMatch(/^parseDictionary \(dictionary\.json\): classes\.Car\.size\.l\[1\]: /);
    expect(err.issues[0].path).toBe('classes.Car.size.l[1]');
    expect(err.fileName).toBe('dictionary.json');
  });

  it('reports every problem: min above max, bad id, missing version', () => {
    const bad = json();
    delete bad.version;
    (bad.classes as Record<string, { size: { w: number[] } }>).Van.size.w = [3, 2];
    (bad.edgeCases as { id: string }[])[0].id = 'Not Kebab';
    const err = thrown(() => parseDictionary(bad));
    const paths = err.issues.map((i) => i.path);
    expect(paths).toContain('version');
    expect(paths).toContain('classes.Van.size.w');
    expect(paths).toContain('edgeCases[0].id');
  });

  it('cross-checks ids, overlap classes, class entries and band order', () => {
    const bad = json();
    const edgeCases = bad.edgeCases as { id: string }[];
    edgeCases[1].id = edgeCases[0].id;
    const classes = bad.classes as Record<
      string,
      { allowedOverlaps: { class: string }[]; edgeCases: string[]; minPoints: { bands: { maxDistance: number }[] } }
    >;
    classes.Pedestrian.allowedOverlaps[0].class = 'Pedestrain';
    classes.Car.edgeCases.push('no-such-entry');
    classes.Car.minPoints.bands[1].maxDistance = 10;
    const err = thrown(() => parseDictionary(bad));
    expect(err.issues).toEqual(
      expect.arrayContaining([
        { path: 'edgeCases[1].id', message: `duplicate id "${edgeCases[0].id}"` },
        { path: 'classes.Pedestrian.allowedOverlaps[0].class', message: 'unknown class "Pedestrain"' },
        { path: `classes.Car.edgeCases[${classes.Car.edgeCases.length - 1}]`, message: 'unknown edge case "no-such-entry"' },
        { path: 'classes.Car.minPoints.bands[1].maxDistance', message: 'bands must be in ascending order of maxDistance' },
      ]),
    );
  });

  it('rejects text that is not JSON, and values that are not objects, without a bare TypeError', () => {
    expect(thrown(() => parseDictionary('{ "version": ', 'd.json')).message).toMatch(/^parseDictionary \(d\.json\): not valid JSON/);
    for (const v of [null, 42, [], 'null', undefined]) {
      expect(thrown(() => parseDictionary(v)).message).toMatch(/^parseDictionary: /);
    }
  });

  it('quotes class names that are not identifiers in paths', () => {
    const bad = json();
    (bad.classes as Record<string, unknown>)['Road sign'] = { definition: 1 };
    const err = thrown(() => parseDictionary(bad));
    expect(err.issues.some((i) => i.path.startsWith('classes["Road sign"]'))).toBe(true);
  });
});

describe('dictionary edits', () => {
  it('bump the version and leave the input unchanged', () => {
    const before = JSON.stringify(defaultDictionary);
    expect(bumpDictionaryVersion(defaultDictionary).version).toBe(2);
    const car = defaultDictionary.classes.Car;
    const edited = setClassRule(defaultDictionary, 'Car', { ...car, size: { ...car.size, l: [3.2, 5.5] } });
    expect(edited.version).toBe(2);
    expect(edited.classes.Car.size.l).toEqual([3.2, 5.5]);
    expect(JSON.stringify(defaultDictionary)).toBe(before);
  });

  it('add, replace and remove edge cases, and clean up references', () => {
    const entry = { id: 'wheelchair', title: 'Wheelchair', rule: 'A person in a wheelchair is Misc.', tags: ['misc'] };
    const added = upsertEdgeCase(defaultDictionary, entry);
    expect(added.edgeCases.at(-1)?.id).toBe('wheelchair');
    const replaced = upsertEdgeCase(added, { ...entry, title: 'Wheelchair user' });
    expect(replaced.edgeCases.filter((e) => e.id === 'wheelchair')).toHaveLength(1);
    expect(replaced.version).toBe(3);
    const removed = removeEdgeCase(defaultDictionary, 'rider-on-bicycle');
    expect(removed.edgeCases.some((e) => e.id === 'rider-on-bicycle')).toBe(false);
    expect(removed.classes.Cyclist.edgeCases).not.toContain('rider-on-bicycle');
    expect(() => removeEdgeCase(defaultDictionary, 'nope')).toThrow(/removeEdgeCase: unknown edge case "nope"/);
  });

  it('remove a class with the overlaps that name it; settings edits are validated', () => {
    const d = removeClass(defaultDictionary, 'Misc');
    expect(d.classes.Misc).toBeUndefined();
    expect(d.classes.Pedestrian.allowedOverlaps.map((o) => o.class)).not.toContain('Misc');
    expect(() => removeClass(defaultDictionary, 'Bus')).toThrow(DictionaryError);
    expect(updateSettings(defaultDictionary, { overlapIou: 0.2 }).settings.overlapIou).toBe(0.2);
    expect(() => updateSettings(defaultDictionary, { overlapIou: 2 })).toThrow(/settings\.overlapIou/);
  });
});

describe('dictionary lookups', () => {
  it('minPointsAt picks the first covering band, else the default', () => {
    const car = defaultDictionary.classes.Car;
    expect(minPointsAt(car, 5)).toBe(40);
    expect(minPointsAt(car, 15)).toBe(40);
    expect(minPointsAt(car, 42)).toBe(8);
    expect(minPointsAt(car, 61)).toBe(4);
  });

  it('edgeCaseForRule prefers the entry listed under the class', () => {
    expect(edgeCaseForRule(defaultDictionary, 'notOnGround', 'Car')).toBe('vehicle-on-car-carrier');
    expect(edgeCaseForRule(defaultDictionary, 'overlap')).toBe('rider-on-bicycle');
    expect(edgeCaseForRule(defaultDictionary, 'noSuchRule')).toBeNull();
  });

  it('searchEdgeCases matches every word in id, title, rule and tags', () => {
    expect(searchEdgeCases(defaultDictionary, '').length).toBe(defaultDictionary.edgeCases.length);
    expect(searchEdgeCases(defaultDictionary, 'BICYCLE rider').map((e) => e.id)).toContain('rider-on-bicycle');
    expect(searchEdgeCases(defaultDictionary, 'glass').map((e) => e.id)).toEqual(['reflection-in-glass']);
    expect(searchEdgeCases(defaultDictionary, 'zzz')).toEqual([]);
  });
});
