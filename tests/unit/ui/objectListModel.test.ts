import { describe, expect, it } from 'vitest';
import { createCuboid } from '../../../src/domain/document/cuboidOps.ts';
import type { CheckResult } from '../../../src/domain/checks/CheckResult.ts';
import type { ReviewFlag } from '../../../src/domain/document/FrameAnnotation.ts';
import {
  buildObjectList,
  moveIndex,
  scrollToShow,
  visibleRange,
  ROW_HEIGHT,
  OVERSCAN,
  type ObjectListInput,
  unknownStates,
  IS_WORDS,
} from '../../../src/ui/objectListModel.ts';

const box = (id: string, label: string, trackId: string | null, x = 10) =>
  createCuboid({ id, trackId, label, center: [x, 0, -1], size: [4, 2, 1.5], yaw: 0, source: 'manual' });

const result = (cuboidId: string, severity: CheckResult['severity']): CheckResult => ({
  ruleId: 'r',
  severity,
  cuboidId,
  location: null,
  message: 'm',
  dictionaryEntry: null,
});

const flag = (cuboidId: string, state: ReviewFlag['state'] = 'open'): ReviewFlag => ({
  id: `f-${cuboidId}-${state}`,
  cuboidId,
  location: null,
  reason: 'r',
  comment: '',
  author: 'rev',
  state,
  createdAt: '2026-01-01T00:00:00Z',
});

function input(over: Partial<ObjectListInput> = {}): ObjectListInput {
  return {
    cuboids: [
      box('c3', 'Car', 't3-x', 30),
      box('c1', 'Car', 't12-x', 5),
      box('c2', 'Car', 't2-x', 8),
      box('p1', 'Pedestrian', null),
      box('z', 'Zebra', 'uuid-abc'),
    ],
    results: [result('c1', 'error'), result('c1', 'warning'), result('p1', 'warning'), result('p1', 'info')],
    flags: [flag('c2'), flag('c3', 'resolved')],
    visibility: { hiddenClasses: [], hiddenBoxIds: [], lockedClasses: [], lockedBoxIds: [] },
    palette: ['Car', 'Van', 'Pedestrian'],
    query: '',
    collapsed: [],
    ...over,
  };
}

describe('buildObjectList', () => {
  it('groups by class (palette order, then by name) with counts, check status and open flags; tracks by number', () => {
    const m = buildObjectList(input());
    expect(m.rows.map((r) => r.key)).toEqual(['class:Car', 'box:c2', 'box:c3', 'box:c1', 'class:Pedestrian', 'box:p1', 'class:Zebra', 'box:z']);
    expect(m).toMatchObject({ total: 5, shown: 5, errors: 1, warnings: 2, flagged: 1 });
    const car = m.rows[0];
    expect(car).toMatchObject({ kind: 'class', count: 3, shown: 3, errors: 1, warnings: 1, flags: 1 });
    expect(m.rows.find((r) => r.key === 'box:c1')).toMatchObject({ track: 'Track 12', errors: 1, warnings: 1, flags: 0 });
    expect(m.rows.find((r) => r.key === 'box:p1')).toMatchObject({ track: 'no track', warnings: 1, errors: 0 });
  });

  it('filters by class, track number, state and free text; a class with no match is left out; counts say shown of total', () => {
    expect(buildObjectList(input({ query: 'class:ped' })).rows.map((r) => r.key)).toEqual(['class:Pedestrian', 'box:p1']);
    expect(buildObjectList(input({ query: '#12' })).rows.map((r) => r.key)).toEqual(['class:Car', 'box:c1']);
    expect(buildObjectList(input({ query: 'track:3' })).rows.map((r) => r.key)).toEqual(['class:Car', 'box:c3']);
    expect(buildObjectList(input({ query: 'is:error' })).rows.map((r) => r.key)).toEqual(['class:Car', 'box:c1']);
    expect(buildObjectList(input({ query: 'is:flagged' })).rows.map((r) => r.key)).toEqual(['class:Car', 'box:c2']);
    expect(buildObjectList(input({ query: 'is:warning car' })).rows.map((r) => r.key)).toEqual(['class:Car', 'box:c1']);
    expect(buildObjectList(input({ query: 'UUID' })).rows.map((r) => r.key)).toEqual(['class:Zebra', 'box:z']);
    // Numbers are whole track numbers: #1 is not Track 12 or a track id holding a 1; "car 2" reads as the row does.
    expect(buildObjectList(input({ query: '#1' })).rows).toEqual([]);
    expect(buildObjectList(input({ query: 'car 2' })).rows.map((r) => r.key)).toEqual(['class:Car', 'box:c2']);
    // A decimal number is the distance a row shows.
    expect(buildObjectList(input({ query: 'car 8.0' })).rows.map((r) => r.key)).toEqual(['class:Car', 'box:c2']);
    expect(buildObjectList(input({ query: '8.0m' })).shown).toBe(1);
    // "track" is no match for a box without one.
    expect(buildObjectList(input({ query: 'track' })).shown).toBe(4);
    const m = buildObjectList(input({ query: 'car' }));
    expect(m).toMatchObject({ total: 5, shown: 3 });
    expect(buildObjectList(input({ query: 'nothing-like-it' })).rows).toEqual([]);
  });

  it('marks hidden and locked boxes by class or by box, and a collapsed class keeps only its heading', () => {
    const m = buildObjectList(
      input({ visibility: { hiddenClasses: ['Car'], hiddenBoxIds: ['p1'], lockedClasses: ['Zebra'], lockedBoxIds: ['c1'] }, collapsed: ['Zebra'] }),
    );
    const c1 = m.rows.find((r) => r.key === 'box:c1');
    expect(c1).toMatchObject({ hidden: true, ownHidden: false, locked: true, ownLocked: true });
    expect(m.rows.find((r) => r.key === 'box:p1')).toMatchObject({ hidden: true, ownHidden: true, locked: false });
    expect(m.rows.find((r) => r.key === 'class:Car')).toMatchObject({ hidden: true, locked: false });
    expect(m.rows.find((r) => r.key === 'class:Zebra')).toMatchObject({ locked: true, collapsed: true });
    expect(m.rows.some((r) => r.key === 'box:z')).toBe(false);
    expect(
      buildObjectList(input({ query: 'is:locked', visibility: { hiddenClasses: [], hiddenBoxIds: [], lockedClasses: [], lockedBoxIds: ['c1'] } })).shown,
    ).toBe(1);
  });
});

describe('list windowing and keys', () => {
  it('draws only the rows in view plus the overscan', () => {
    expect(visibleRange(0, 10 * ROW_HEIGHT, 1000)).toEqual([0, 10 + OVERSCAN]);
    expect(visibleRange(500 * ROW_HEIGHT, 10 * ROW_HEIGHT, 1000)).toEqual([500 - OVERSCAN, 510 + OVERSCAN]);
    expect(visibleRange(990 * ROW_HEIGHT, 10 * ROW_HEIGHT, 1000)).toEqual([990 - OVERSCAN, 1000]);
    // A scroll position beyond a shorter (searched) list shows its end, never nothing.
    expect(visibleRange(500 * ROW_HEIGHT, 10 * ROW_HEIGHT, 30)).toEqual([20 - OVERSCAN, 30]);
    expect(visibleRange(500 * ROW_HEIGHT, 10 * ROW_HEIGHT, 3)).toEqual([0, 3]);
  });

  it('moves with arrows and j/k, pages, and ends; other keys are no move', () => {
    expect(moveIndex('j', -1, 5, 3)).toBe(0);
    expect(moveIndex('ArrowDown', 4, 5, 3)).toBe(4);
    expect(moveIndex('k', -1, 5, 3)).toBe(4);
    expect(moveIndex('ArrowUp', 0, 5, 3)).toBe(0);
    expect(moveIndex('PageDown', 1, 5, 3)).toBe(4);
    expect(moveIndex('PageUp', 4, 5, 3)).toBe(1);
    expect(moveIndex('Home', 3, 5, 3)).toBe(0);
    expect(moveIndex('End', 0, 5, 3)).toBe(4);
    expect(moveIndex('q', 0, 5, 3)).toBeNull();
    expect(moveIndex('j', 0, 0, 3)).toBeNull();
  });

  it('scrolls just enough to show the active row', () => {
    expect(scrollToShow(3, 0, 10 * ROW_HEIGHT)).toBe(0);
    expect(scrollToShow(12, 0, 10 * ROW_HEIGHT)).toBe(3 * ROW_HEIGHT);
    expect(scrollToShow(2, 5 * ROW_HEIGHT, 10 * ROW_HEIGHT)).toBe(2 * ROW_HEIGHT);
  });
});

describe('unknownStates', () => {
  it('names the is: words that are no state, which match no box', () => {
    expect(unknownStates('class:car is:foo is:error is:warnings')).toEqual(['foo']);
    expect(unknownStates('car 12')).toEqual([]);
    expect(IS_WORDS).toContain('attention');
  });
});
