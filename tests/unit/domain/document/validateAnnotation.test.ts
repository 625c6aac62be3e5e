import { describe, expect, it } from 'vitest';
import { emptyAnnotation } from '../../../../src/domain/document/FrameAnnotation.ts';
import { validateAnnotation } from '../../../../src/domain/document/validateAnnotation.ts';
import type { Cuboid } from '../../../../src/domain/types.ts';

const cuboid: Cuboid = {
  id: 'c1',
  trackId: null,
  label: 'Car',
  center: [10.123456789012345, -2.5, -0.8],
  size: [4, 1.8, 1.5],
  yaw: 0.25,
  attributes: { truncated: 0, occluded: 1, note: 'parked', moving: false },
  source: 'manual',
};

const doc = { ...emptyAnnotation('000001'), cuboids: [cuboid] };
/** A DontCare region as KITTI writes it: a 2D box, placeholders elsewhere. */
const DONT_CARE = {
  type: 'DontCare',
  truncated: -1,
  occluded: -1,
  alpha: -10,
  bbox: [503.89, 169.71, 590.61, 190.13],
  dimensions: [-1, -1, -1],
  location: [-1000, -1000, -1000],
  rotationY: -10,
};

function firstIssue(input: unknown): string {
  const r = validateAnnotation(input);
  if (r.ok) throw new Error('expected a failure');
  return `${r.issues[0].path}: ${r.issues[0].message}`;
}

describe('validateAnnotation', () => {
  it('accepts a full document and keeps every value at full precision', () => {
    const r = validateAnnotation(JSON.parse(JSON.stringify(doc)));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.cuboids[0].center[0]).toBe(10.123456789012345);
      expect(r.value.cuboids[0].attributes).toEqual({ truncated: 0, occluded: 1, note: 'parked', moving: false });
      expect(r.value.revision).toBe(0);
    }
  });

  it('keeps DontCare regions, flags and the optional fields', () => {
    const full = {
      ...doc,
      dictionaryVersion: 3,
      dontCare: [
        {
          type: 'DontCare',
          truncated: -1,
          occluded: -1,
          alpha: -10,
          bbox: [1, 2, 3, 4],
          dimensions: [-1, -1, -1],
          location: [-1000, -1000, -1000],
          rotationY: -10,
        },
      ],
      flags: [
        { id: 'f1', cuboidId: 'c1', location: null, reason: 'too-loose', comment: 'tighten', author: 'rev', state: 'open', createdAt: '2026-01-01T00:00:00Z' },
      ],
      cuboids: [{ ...cuboid, source: 'import', score: 0.87, kitti2d: { alpha: 1.2, bbox: [1, 2, 3, 4] } }],
    };
    const r = validateAnnotation(full);
    expect(r.ok && r.value.dontCare.length === 1 && r.value.flags[0].reason === 'too-loose' && r.value.dictionaryVersion === 3).toBe(true);
  });

  it('keeps "not an object" dismissals with every field, and migrates a version-1 document without them', () => {
    const dismissal = { id: 'x1', location: [12.5, -3.25, -0.9], radius: 1.8, label: 'Car', reason: 'hedge', by: 'ann', at: '2026-12-03T09:00:00.000Z' };
    const r = validateAnnotation(JSON.parse(JSON.stringify({ ...doc, dismissals: [dismissal] })));
    expect(r.ok && r.value.dismissals).toEqual([dismissal]);
    const { dismissals: _none, ...old } = { ...doc, schemaVersion: 1 };
    const migrated = validateAnnotation(JSON.parse(JSON.stringify(old)));
    expect(migrated.ok && migrated.value.schemaVersion === 2 && migrated.value.dismissals).toEqual([]);
  });

  it('drops unknown top-level fields', () => {
    const r = validateAnnotation({ ...doc, baseRevision: 4, extra: 'x' });
    expect(r.ok && !('extra' in r.value) && !('baseRevision' in r.value)).toBe(true);
  });

  it.each([
    ['not an object', 42, ': expected a JSON object'],
    ['an array', [doc], ': expected a JSON object'],
    ['no schemaVersion', { ...doc, schemaVersion: undefined }, 'schemaVersion'],
    ['a future schemaVersion', { ...doc, schemaVersion: 99 }, 'schemaVersion: migrateAnnotation: schemaVersion 99 is newer'],
    ['a missing cuboid list', { ...doc, cuboids: undefined }, 'cuboids:'],
    ['a string coordinate', { ...doc, cuboids: [{ ...cuboid, center: [1, '2', 3] }] }, 'cuboids[0] (id "c1").center[1]:'],
    ['a zero size', { ...doc, cuboids: [{ ...cuboid, size: [4, 0, 1] }] }, 'cuboids[0] (id "c1").size[1]: must be > 0'],
    ['a huge coordinate', { ...doc, cuboids: [{ ...cuboid, center: [1e300, 0, 0] }] }, 'cuboids[0] (id "c1").center[0]:'],
    ['a 2-vector', { ...doc, cuboids: [{ ...cuboid, center: [1, 2] }] }, 'cuboids[0] (id "c1").center'],
    ['a label with a space', { ...doc, cuboids: [{ ...cuboid, label: 'Big Car' }] }, 'cuboids[0] (id "c1").label: must be 1-64'],
    ['an unknown source', { ...doc, cuboids: [{ ...cuboid, source: 'magic' }] }, 'cuboids[0] (id "c1").source:'],
    ['a fractional occluded', { ...doc, cuboids: [{ ...cuboid, attributes: { truncated: 0, occluded: 0.5 } }] }, 'cuboids[0] (id "c1").attributes.occluded:'],
    ['duplicate ids', { ...doc, cuboids: [cuboid, { ...cuboid }] }, 'cuboids[1] (id "c1").id: duplicate cuboid id "c1"'],
    ['an unknown status', { ...doc, status: 'done' }, 'status:'],
    ['a negative revision', { ...doc, revision: -1 }, 'revision:'],
    ['a non-DontCare region', { ...doc, dontCare: [{ type: 'Car' }] }, 'dontCare[0].type:'],
    ['a dismissal with a zero radius', { ...doc, dismissals: [{ id: 'x1', location: [5, 1, -1], radius: 0 }] }, 'dismissals[0] (id "x1").radius: must be > 0'],
    ['a dismissal with a 2-vector place', { ...doc, dismissals: [{ id: 'x1', location: [5, 1], radius: 1 }] }, 'dismissals[0] (id "x1").location'],
    [
      'a dismissal as a label with a space',
      { ...doc, dismissals: [{ id: 'x1', location: [5, 1, -1], radius: 1, label: 'Big Car' }] },
      'dismissals[0] (id "x1").label: must be 1-64',
    ],
    [
      'duplicate dismissal ids',
      {
        ...doc,
        dismissals: [
          { id: 'x1', location: [5, 1, -1], radius: 1 },
          { id: 'x1', location: [9, 1, -1], radius: 1 },
        ],
      },
      'dismissals[1] (id "x1").id: duplicate dismissal id "x1"',
    ],
    ['a huge kitti2d alpha', { ...doc, cuboids: [{ ...cuboid, kitti2d: { alpha: 1e300, bbox: [1, 2, 3, 4] } }] }, 'cuboids[0] (id "c1").kitti2d.alpha:'],
    ['a huge kitti2d bbox', { ...doc, cuboids: [{ ...cuboid, kitti2d: { alpha: 0, bbox: [1, 2, 1e300, 4] } }] }, 'cuboids[0] (id "c1").kitti2d.bbox[2]:'],
    ['a huge score', { ...doc, cuboids: [{ ...cuboid, score: 1e300 }] }, 'cuboids[0] (id "c1").score:'],
    ['a box of class DontCare', { ...doc, cuboids: [{ ...cuboid, label: 'DontCare' }] }, 'cuboids[0] (id "c1").label: DontCare is not a box class'],
    ['a box of class dontcare', { ...doc, cuboids: [{ ...cuboid, label: 'dontcare' }] }, 'cuboids[0] (id "c1").label: DontCare is not a box class'],
    ['a DontCare score of 1e300', { ...doc, dontCare: [{ ...DONT_CARE, score: 1e300 }] }, 'dontCare[0].score:'],
    ...(['truncated', 'occluded', 'alpha', 'rotationY'] as const).map((field): [string, unknown, string] => [
      `a DontCare ${field} of 99999`,
      { ...doc, dontCare: [{ ...DONT_CARE, [field]: 99999 }] },
      `dontCare[0].${field}:`,
    ]),
    ['a huge DontCare bbox', { ...doc, dontCare: [{ ...DONT_CARE, bbox: [1, 2, 1e300, 4] }] }, 'dontCare[0].bbox[2]:'],
    ['a huge DontCare dimension', { ...doc, dontCare: [{ ...DONT_CARE, dimensions: [-1, 1e300, -1] }] }, 'dontCare[0].dimensions[1]:'],
    ['a huge DontCare location', { ...doc, dontCare: [{ ...DONT_CARE, location: [-1000, -1e300, -1000] }] }, 'dontCare[0].location[1]:'],
    [
      'a flag without reason',
      { ...doc, flags: [{ id: 'f', cuboidId: null, location: null, comment: '', author: '', state: 'open', createdAt: '' }] },
      'flags[0] (id "f").reason:',
    ],
  ])('rejects %s and names the field', (_name, input, expected) => {
    expect(firstIssue(input)).toContain(expected);
  });

  it('never throws on hostile input', () => {
    const inputs: unknown[] = [
      null,
      undefined,
      'x',
      true,
      { schemaVersion: '1' },
      { schemaVersion: 1.5 },
      Object.create(null),
      { schemaVersion: 1, cuboids: { length: 5 } },
    ];
    for (const input of inputs) expect(validateAnnotation(input).ok).toBe(false);
  });
});
