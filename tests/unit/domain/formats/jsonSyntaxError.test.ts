import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../../../src/domain/formats/jsonSyntaxError.ts';

const errorOf = (text: string): unknown => {
  try {
    JSON.parse(text);
  } catch (err) {
    return err;
  }
  throw new Error('parsed');
};

describe('jsonSyntaxError', () => {
  it('names the line and column a JSON syntax error points at', () => {
    const text = '[\n  {"token": "a"},\n  {"token": "b" "size": 1}\n]';
    expect(jsonSyntaxError(text, errorOf(text))).toMatch(/at line 3, column 17$/);
  });

  it('says a file cut short is cut short, and an empty one empty', () => {
    const text = '[\n  {"token": "a"},\n';
    expect(jsonSyntaxError(text, errorOf(text))).toBe('the text ends before the JSON does, at line 3, column 1: is the file cut short?');
    const cut = '[\n  {"token": "a"},\n  {"tok';
    expect(jsonSyntaxError(cut, errorOf(cut))).toBe('Unterminated string at line 3, column 8');
    expect(jsonSyntaxError('', errorOf(''))).toBe('the file is empty');
  });
});
