import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../src/domain/checks/CheckResult.ts';
import { corroborate } from '../../../../src/domain/checks/corroborate.ts';

function r(ruleId: string, severity: CheckResult['severity'], cuboidId: string | null, message = `${ruleId} says so`): CheckResult {
  return { ruleId, severity, cuboidId, location: null, message, dictionaryEntry: null };
}

describe('corroborate', () => {
  it('raises the first of two placement warnings from different rules on one box to an error that names the other', () => {
    const out = corroborate([r('sizeOutOfRange', 'warning', 'a'), r('looseFit', 'warning', 'a'), r('looseFit', 'warning', 'b')]);
    const loose = out.find((x) => x.cuboidId === 'a' && x.ruleId === 'looseFit');
    expect(loose?.severity).toBe('error');
    expect(loose?.message).toBe('looseFit says so. Also its size is unusual for the class: two checks agree, so this is an error');
    expect(out.find((x) => x.cuboidId === 'a' && x.ruleId === 'sizeOutOfRange')?.severity).toBe('warning');
    // One warning alone stays a warning.
    expect(out.find((x) => x.cuboidId === 'b')?.severity).toBe('warning');
  });

  it('leaves boxes with an error already, warnings of one rule, other rules and places without a box alone', () => {
    const input = [
      r('looseFit', 'warning', 'a'),
      r('pointsOutsideBox', 'warning', 'a'),
      r('tooFewPoints', 'error', 'a'),
      r('looseFit', 'warning', 'b'),
      r('looseFit', 'warning', 'b', 'second'),
      r('outsideRange', 'warning', 'c'),
      r('overlap', 'warning', 'c'),
      r('unlabelledCluster', 'warning', null),
      r('unlabelledCluster', 'warning', null),
    ];
    const out = corroborate(input);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
  });

  it('prefers the points-based finding: pointsOutsideBox before fitDisagreement, looseFit, notOnGround and size', () => {
    const out = corroborate([r('notOnGround', 'warning', 'a'), r('fitDisagreement', 'warning', 'a'), r('pointsOutsideBox', 'warning', 'a')]);
    expect(out.filter((x) => x.severity === 'error').map((x) => x.ruleId)).toEqual(['pointsOutsideBox']);
    expect(out.find((x) => x.severity === 'error')?.message).toMatch(/Also a refit of its points disagrees and it is off the ground: two checks agree/);
  });
});
