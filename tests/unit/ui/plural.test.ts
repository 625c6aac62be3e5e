import { describe, expect, it } from 'vitest';
import { plural } from '../../../src/ui/plural.ts';

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(1, 'box', 'boxes')).toBe('1 box');
  });

  it('uses the plural for zero, many and fractions', () => {
    expect(plural(0, 'box', 'boxes')).toBe('0 boxes');
    expect(plural(2, 'warning')).toBe('2 warnings');
    expect(plural(1.5, 'point')).toBe('1.5 points');
  });

  it('takes an irregular plural, including verb phrases', () => {
    expect(plural(1, 'needs attention', 'need attention')).toBe('1 needs attention');
    expect(plural(3, 'needs attention', 'need attention')).toBe('3 need attention');
  });
});
