import { describe, expect, it } from 'vitest';
import { classNameProblem, isValidClassName, quoteClassName } from '../../../../src/domain/document/className.ts';

describe('class names', () => {
  it('take any script and punctuation, but no whitespace, control or invisible characters, 1-64 characters', () => {
    for (const ok of ['Car', 'Fußgänger', '歩行者', 'Truck(big)', 'traffic_cone.v2', 'Пешеход', '🚗', 'x'.repeat(64)]) expect(isValidClassName(ok)).toBe(true);
    for (const bad of ['', 'two words', 'Car\t', 'Car\u00a0X', 'Car\u3000', 'A\u200dB', 'Car\u202e', 'Bell\u0007', 'x'.repeat(65)])
      expect(isValidClassName(bad)).toBe(false);
  });

  it('say what is wrong, and quote invisible characters visibly', () => {
    expect(classNameProblem('Car')).toBeNull();
    expect(classNameProblem('')).toBe('the class name is empty');
    expect(classNameProblem('A\u200dB')).toMatch(/^the class name holds the character U\+200D; /);
    expect(classNameProblem('🚗'.repeat(65))).toMatch(/^the class name has 65 characters; /);
    expect(quoteClassName('Car\u202e\u00a0x')).toBe('"Car\\u202e\\u00a0x"');
  });
});
