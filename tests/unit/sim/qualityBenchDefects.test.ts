import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/domain/checks/CheckResult.ts';
import type { Cuboid } from '../../../src/domain/types.ts';
import { DEFECT_IDS, defectCaught, falseMissed, headingError, objectReach, seedDefect, truthSpot, wrapAngle } from '../../bench/quality/defects.ts';

const box = (id: string, over: Partial<Cuboid> = {}): Cuboid => ({
  id,
  trackId: null,
  label: 'Car',
  center: [10, 5, -0.95],
  size: [4, 1.8, 1.5],
  yaw: 0.3,
  attributes: { truncated: 0, occluded: 0 },
  source: 'import',
  ...over,
});

const result = (over: Partial<CheckResult>): CheckResult => ({
  ruleId: 'pointsOutsideBox',
  severity: 'warning',
  cuboidId: null,
  location: null,
  message: '',
  dictionaryEntry: null,
  ...over,
});

describe('bench:quality defect seeding', () => {
  const boxes = [box('a'), box('b', { center: [-8, 2, -0.9], label: 'Pedestrian', size: [0.7, 0.6, 1.7] })];

  it('shift moves the centre exactly 1 m / 2.5 m sideways, perpendicular to the heading', () => {
    for (const [d, dist] of [
      ['shift1', 1],
      ['shift2.5', 2.5],
    ] as const) {
      for (const side of [1, -1] as const) {
        const { boxes: out, ids } = seedDefect(boxes, 0, d, side);
        const dx = out[0].center[0] - 10;
        const dy = out[0].center[1] - 5;
        expect(Math.hypot(dx, dy)).toBeCloseTo(dist, 12);
        expect(dx * Math.cos(0.3) + dy * Math.sin(0.3)).toBeCloseTo(0, 12); // nothing along the heading
        expect(Math.sign(-dx * Math.sin(0.3) + dy * Math.cos(0.3))).toBe(side); // left for +1
        expect(out[0].center[2]).toBe(-0.95);
        expect(ids).toEqual(['a']);
      }
    }
    expect(boxes[0].center).toEqual([10, 5, -0.95]); // input untouched
  });

  it('turns change the yaw by π/2 and ±π/6; float lifts 1 m; wrong class swaps people and vehicles', () => {
    expect(wrapAngle(seedDefect(boxes, 0, 'turn90').boxes[0].yaw - 0.3)).toBeCloseTo(Math.PI / 2, 12);
    expect(seedDefect(boxes, 0, 'turn30', 1).boxes[0].yaw - 0.3).toBeCloseTo(Math.PI / 6, 12);
    expect(seedDefect(boxes, 0, 'turn30', -1).boxes[0].yaw - 0.3).toBeCloseTo(-Math.PI / 6, 12);
    expect(seedDefect(boxes, 0, 'float1').boxes[0].center[2]).toBeCloseTo(0.05, 12);
    expect(seedDefect(boxes, 0, 'wrongClass').boxes[0].label).toBe('Pedestrian');
    expect(seedDefect(boxes, 1, 'wrongClass').boxes[1].label).toBe('Car');
    expect(seedDefect([box('c', { label: 'Cyclist' })], 0, 'wrongClass').boxes[0].label).toBe('Car');
  });

  it('shrink and grow scale all three sizes about the footprint centre and keep the bottom', () => {
    for (const [d, k] of [
      ['shrink70', 0.7],
      ['grow140', 1.4],
    ] as const) {
      const b = seedDefect(boxes, 0, d).boxes[0];
      expect(b.size[0]).toBeCloseTo(4 * k, 12);
      expect(b.size[1]).toBeCloseTo(1.8 * k, 12);
      expect(b.size[2]).toBeCloseTo(1.5 * k, 12);
      expect(b.center[2] - b.size[2] / 2).toBeCloseTo(-0.95 - 0.75, 12);
      expect([b.center[0], b.center[1]]).toEqual([10, 5]);
    }
  });

  it('duplicate adds a copy 0.1 m along the heading; delete removes the box', () => {
    const dup = seedDefect(boxes, 0, 'duplicate');
    expect(dup.boxes).toHaveLength(3);
    expect(dup.ids).toEqual(['a', 'a~dup']);
    const copy = dup.boxes[1];
    expect(Math.hypot(copy.center[0] - 10, copy.center[1] - 5)).toBeCloseTo(0.1, 12);
    expect({ ...copy, id: 'a', center: boxes[0].center }).toEqual(boxes[0]);
    const del = seedDefect(boxes, 0, 'delete');
    expect(del.boxes.map((b) => b.id)).toEqual(['b']);
    expect(del.deleted).toBe(boxes[0]);
    expect(DEFECT_IDS).toHaveLength(10);
  });
});

describe('bench:quality caught logic', () => {
  const boxes = [box('a'), box('b', { center: [-8, 2, -0.9] })];
  const clean = [result({ cuboidId: 'a', ruleId: 'tooFewPoints', severity: 'warning' })];

  it('counts only new errors and warnings on the defective box', () => {
    const s = seedDefect(boxes, 0, 'shift1');
    expect(defectCaught(s, clean, clean)).toEqual({ error: false, any: false, rules: [], suggested: null });
    expect(defectCaught(s, clean, [...clean, result({ cuboidId: 'b', severity: 'error' })]).any).toBe(false);
    expect(defectCaught(s, clean, [result({ cuboidId: 'a', severity: 'info' })]).any).toBe(false);
    expect(defectCaught(s, clean, [...clean, result({ cuboidId: 'a' })])).toEqual({ error: false, any: true, rules: ['pointsOutsideBox'], suggested: null });
    // The same rule turning from warning into error is a new error.
    expect(defectCaught(s, clean, [result({ cuboidId: 'a', ruleId: 'tooFewPoints', severity: 'error' })]).error).toBe(true);
  });

  it('a duplicate is caught on either copy, but not by a finding the original already had', () => {
    const s = seedDefect(boxes, 0, 'duplicate');
    const onCopy = [...clean, result({ cuboidId: 'a~dup', ruleId: 'tooFewPoints' })];
    expect(defectCaught(s, clean, onCopy).any).toBe(false);
    const pair = [result({ cuboidId: 'a~dup', ruleId: 'duplicate', severity: 'error', otherCuboidId: 'a' })];
    expect(defectCaught(s, clean, pair)).toEqual({ error: true, any: true, rules: ['duplicate'], suggested: null });
  });

  it('a delete is caught by a new missed-object finding within reach of the deleted centre', () => {
    const s = seedDefect(boxes, 0, 'delete');
    const missed = (x: number, y: number, severity: CheckResult['severity'] = 'warning') =>
      result({ ruleId: 'unlabelledCluster', severity, location: [x, y, -1] });
    const reach = objectReach(boxes[0].size);
    expect(reach).toBeCloseTo(Math.max(1.5, Math.hypot(4, 1.8) / 2), 12);
    expect(defectCaught(s, clean, [missed(10.5, 5.2)]).any).toBe(true);
    expect(defectCaught(s, clean, [missed(10 + reach + 0.1, 5)]).any).toBe(false);
    expect(defectCaught(s, clean, [missed(10.5, 5.2, 'info')]).any).toBe(false);
    expect(defectCaught(s, [missed(10.5, 5.2)], [missed(10.5, 5.2)]).any).toBe(false); // already there
    expect(defectCaught(s, clean, [result({ cuboidId: 'b', severity: 'error' })]).any).toBe(false);
    // The class a delete's finding suggests: that of the most confident finding there.
    const suggesting = (label: string, confidence: number) => ({ ...missed(10.5, 5.2), suggestedLabel: label, confidence });
    expect(defectCaught(s, clean, [suggesting('Cyclist', 0.6), suggesting('Car', 0.9)]).suggested).toBe('Car');
    expect(defectCaught(s, clean, [missed(10.5, 5.2)]).suggested).toBeNull();
  });

  it('false missed objects are findings away from every ground-truth spot, by severity', () => {
    const spots = [truthSpot(boxes[0])];
    const found = [
      result({ ruleId: 'unlabelledCluster', location: [10.4, 5.1, -1] }),
      result({ ruleId: 'unlabelledCluster', location: [30, 5, -1] }),
      result({ ruleId: 'unlabelledCluster', severity: 'info', location: [40, 5, -1] }),
      result({ ruleId: 'tooFewPoints', cuboidId: 'a' }),
    ];
    expect(falseMissed(found, spots)).toEqual({ error: 0, warning: 1, info: 1 });
  });

  it('heading error is taken modulo 180°, and backwards means more than 90° off', () => {
    expect(headingError(0.1, 0).deg).toBeCloseTo(5.7296, 3);
    const flipped = headingError(Math.PI - 0.05, 0);
    expect(flipped.deg).toBeCloseTo(2.8648, 3);
    expect(flipped.backwards).toBe(true);
    expect(headingError(-3.1, 3.1).backwards).toBe(false);
  });
});
