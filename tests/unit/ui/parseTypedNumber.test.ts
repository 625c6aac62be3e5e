import { describe, expect, it } from 'vitest';
import { parseTypedNumber } from '../../../src/ui/parseTypedNumber.ts';

describe('parseTypedNumber', () => {
  it('reads a decimal point or a decimal comma, a sign and an exponent', () => {
    expect(parseTypedNumber('3.5')).toBe(3.5);
    expect(parseTypedNumber('3,5')).toBe(3.5);
    expect(parseTypedNumber(' -0,25 ')).toBe(-0.25);
    expect(parseTypedNumber('.5')).toBe(0.5);
    expect(parseTypedNumber('1e6')).toBe(1e6);
    expect(parseTypedNumber('+12.')).toBe(12);
  });

  it('is null for what is no number', () => {
    for (const t of ['', '-', '1.2.3', '1,234.5', '1,2,3', 'e5', '1e', '--1', '1e999']) expect(parseTypedNumber(t), t).toBeNull();
  });
});

describe('parseTypedNumber with a pasted minus sign', () => {
  it('reads −, – and — as a minus (−1.5 had become +1.5)', () => {
    expect(parseTypedNumber('\u22121.5')).toBe(-1.5);
    expect(parseTypedNumber('\u20132,5')).toBe(-2.5);
    expect(parseTypedNumber('\u20143')).toBe(-3);
  });
});
