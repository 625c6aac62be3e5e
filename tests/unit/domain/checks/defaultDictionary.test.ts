import { describe, expect, it } from 'vitest';
import { DEFAULT_DICTIONARY_INPUT, defaultDictionary } from '../../../../src/domain/checks/dictionary/defaultDictionary.ts';
import { defaultCheckSettings } from '../../../../src/domain/checks/dictionary/EdgeCaseDictionary.ts';
import { parseDictionary } from '../../../../src/domain/checks/dictionary/parseDictionary.ts';

// The built-in dictionary is filled in without zod (the browser bundle and the workers load it at
// start); here, at test time, it is validated: the schema must make exactly the same of it.
describe('the built-in dictionary', () => {
  it('is what parseDictionary makes of its input: valid, every default the same', () => {
    expect(defaultDictionary).toEqual(parseDictionary(DEFAULT_DICTIONARY_INPUT, 'defaultDictionary'));
  });

  it('parses to itself, and the settings defaults are the schema defaults', () => {
    expect(parseDictionary(defaultDictionary)).toEqual(defaultDictionary);
    expect(parseDictionary({ ...defaultDictionary, settings: {} }).settings).toEqual(defaultCheckSettings());
  });
});
