import { describe, expect, it } from 'vitest';
import { compareResults, countBySeverity, resultKey } from '../../../../src/domain/checks/CheckResult.ts';
import type { CheckResult } from '../../../../src/domain/checks/CheckResult.ts';
import { createCheckContext } from '../../../../src/domain/checks/createCheckContext.ts';
import { ALL_RULES } from '../../../../src/domain/checks/rules/allRules.ts';
import { runChecks } from '../../../../src/domain/checks/runChecks.ts';
import { defaultDictionary } from '../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { box, cloud, groundPoints, objectPoints } from './sceneFixtures.ts';

const car = box('car', 'Car', 12, 3, [4.2, 1.8, 1.5]);
const ped = box('ped', 'Pedestrian', 8, -4, [0.7, 0.6, 1.75]);
const positions = cloud(groundPoints(-5, 35, -20, 20, 0.5), objectPoints(car), objectPoints(ped));

describe('createCheckContext', () => {
  it('counts the points in every box once, with the default dictionary', () => {
    const ctx = createCheckContext({ frameId: 'f', positions, cuboids: [car, ped, box('e', 'Car', 50, 30, [4, 2, 1.5])] });
    expect(ctx.pointCounts[0]).toBeGreaterThan(500);
    expect(ctx.pointCounts[1]).toBeGreaterThan(100);
    expect(ctx.pointCounts[2]).toBe(0);
    expect(ctx.dictionary).toBe(defaultDictionary);
    expect(ctx.grid).toBeDefined();
    expect(ctx.analysis).toBeUndefined();
  });
});

describe('runChecks', () => {
  it('gives no results on a clean scene', () => {
    expect(runChecks(createCheckContext({ frameId: 'f', positions, cuboids: [car, ped] }))).toEqual([]);
  });

  it('runs every rule, errors first, and each result is well formed', () => {
    const bad = [{ ...car, label: 'Bus' }, box('dup', 'Pedestrian', 8.02, -4, [0.7, 0.6, 1.75]), ped, box('fly', 'Car', 20, -10, [4, 1.8, 1.5], 0, {}, 2)];
    const results = runChecks(createCheckContext({ frameId: 'f', positions, cuboids: bad }));
    const rules = new Set(results.map((r) => r.ruleId));
    for (const id of ['unknownClass', 'duplicate', 'notOnGround', 'tooFewPoints']) expect(rules).toContain(id);
    expect([...results].sort(compareResults)).toEqual(results);
    for (const r of results) {
      expect(ALL_RULES.map((x) => x.id)).toContain(r.ruleId);
      expect(r.cuboidId !== null || r.location !== null).toBe(true);
      expect(r.message.length).toBeGreaterThan(10);
    }
    const counts = countBySeverity(results);
    expect(counts.error).toBeGreaterThan(0);
    expect(counts.error + counts.warning + counts.info).toBe(results.length);
  });

  it('calls its pause between the stages of the frame analysis and before every rule, and the results do not change', () => {
    const ctx = createCheckContext({ frameId: 'f', positions, cuboids: [car, { ...ped, label: 'Bus' }] });
    let steps = 0;
    const paused = runChecks(ctx, { pause: () => steps++ });
    expect(paused).toEqual(runChecks(ctx));
    // Four between the analysis stages, one before each rule.
    expect(steps).toBe(4 + ALL_RULES.length);
  });

  it('reports only on the given boxes in an incremental run, without frame rules', () => {
    const cuboids = [box('a', 'Car', 12, 3, [4.2, 1.8, 1.5], 0, {}, 1.5), { ...ped, label: 'Bus' }];
    const ctx = createCheckContext({ frameId: 'f', positions, cuboids });
    const all = runChecks(ctx);
    const onlyA = runChecks(ctx, { only: ['a'] });
    expect(onlyA.length).toBeGreaterThan(0);
    expect(onlyA.every((r) => r.cuboidId === 'a')).toBe(true);
    expect(onlyA).toEqual(all.filter((r) => r.cuboidId === 'a'));
    expect(runChecks(ctx, { rules: ['unknownClass'] }).map((r) => r.cuboidId)).toEqual(['ped']);
  });

  it('rule ids are unique and every default edge-case check names a rule', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const all = [...ids, 'trackSizeChange', 'headingFlip', 'classSwitch', 'impossibleSpeed'];
    for (const e of defaultDictionary.edgeCases) if (e.check) expect(all).toContain(e.check);
  });
});

describe('result helpers', () => {
  it('resultKey is stable per rule, box and partner; locations are rounded', () => {
    const r: CheckResult = { ruleId: 'overlap', severity: 'error', cuboidId: 'a', location: null, message: '', dictionaryEntry: null, otherCuboidId: 'b' };
    expect(resultKey(r)).toBe('overlap:a:b');
    expect(resultKey({ ...r, otherCuboidId: undefined, cuboidId: null, location: [1.26, -3.74, 0.1] })).toBe('overlap:1.5,-3.5,0');
  });
});
