import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../src/domain/checks/CheckResult.ts';
import { matchOverrides } from '../../../../src/domain/review/matchOverrides.ts';

const r = (ruleId: string, cuboidId: string | null, severity: CheckResult['severity'] = 'error', otherCuboidId?: string): CheckResult => ({
  ruleId,
  severity,
  cuboidId,
  location: cuboidId === null ? [10, 2, 0] : null,
  message: `${ruleId} on ${cuboidId ?? 'a place'}`,
  dictionaryEntry: null,
  ...(otherCuboidId !== undefined ? { otherCuboidId } : {}),
});

describe('matchOverrides', () => {
  it('covers every error of a rule on a box with one reason; warnings need none; blank reasons cover nothing', () => {
    const results = [r('overlap', 'a', 'error', 'b'), r('overlap', 'a', 'error', 'c'), r('tooFewPoints', 'b'), r('looseFit', 'a', 'warning'), r('x', null)];
    const m = matchOverrides(results, [
      { ruleId: 'overlap', cuboidId: 'a', reason: ' rider on bicycle ' },
      { ruleId: 'tooFewPoints', cuboidId: 'b', reason: '   ' },
      { ruleId: 'x', cuboidId: null, reason: 'ok' },
    ]);
    expect(m.overridden).toEqual([
      { ruleId: 'overlap', cuboidId: 'a', reason: 'rider on bicycle', message: 'overlap on a', otherCuboidId: 'b' },
      { ruleId: 'overlap', cuboidId: 'a', reason: 'rider on bicycle', message: 'overlap on a', otherCuboidId: 'c' },
      { ruleId: 'x', cuboidId: null, reason: 'ok', message: 'x on a place' },
    ]);
    expect(m.missing.map((x) => `${x.ruleId}:${x.cuboidId}`)).toEqual(['tooFewPoints:b']);
  });
});
