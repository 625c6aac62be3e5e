import { describe, expect, it } from 'vitest';
import { parseIfMatch, revisionEtag } from '../../../../src/server/http/parseIfMatch.ts';

describe('parseIfMatch', () => {
  it.each([
    [undefined, undefined],
    ['"3"', 3],
    ['3', 3],
    [' "0" ', 0],
    [revisionEtag(42), 42],
    ['*', null],
    ['W/"3"', null],
    ['"1", "2"', null],
    ['"-1"', null],
    ['"3.5"', null],
    ['"abc"', null],
    ['', null],
    [['"1"', '"2"'], null],
  ])('%j → %j', (header, expected) => {
    expect(parseIfMatch(header as string | string[] | undefined)).toBe(expected);
  });
});
