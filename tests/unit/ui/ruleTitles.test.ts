import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../src/domain/checks/rules/allRules.ts';
import { SEQUENCE_RULES } from '../../../src/domain/checks/runSequenceChecks.ts';
import { RULE_TITLES, ruleTitle } from '../../../src/ui/ruleTitles.ts';

describe('ruleTitles', () => {
  it('has a title for every single-frame and cross-frame rule', () => {
    const ids = [...ALL_RULES.map((r) => r.id), ...Object.keys(SEQUENCE_RULES)];
    expect(ids.filter((id) => RULE_TITLES[id] === undefined)).toEqual([]);
  });

  it('lists no rule that no longer exists', () => {
    const ids = new Set([...ALL_RULES.map((r) => r.id), ...Object.keys(SEQUENCE_RULES)]);
    expect(Object.keys(RULE_TITLES).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('reads as words, and falls back to the id for an unknown rule', () => {
    expect(ruleTitle('unlabelledCluster')).toBe('Missed object?');
    expect(ruleTitle('looseFit')).toBe('Loose fit');
    expect(ruleTitle('someNewRule')).toBe('someNewRule');
  });
});
