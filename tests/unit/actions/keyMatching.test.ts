import { describe, expect, it } from 'vitest';
import { formatKeySpec, matchesKey, normalizeKey, parseKeySpec } from '../../../src/actions/keyMatching.ts';

const key = (k: string, mods: { shift?: boolean; ctrl?: boolean; alt?: boolean; meta?: boolean } = {}) => ({
  key: k,
  shiftKey: mods.shift ?? false,
  ctrlKey: mods.ctrl ?? false,
  altKey: mods.alt ?? false,
  metaKey: mods.meta ?? false,
});

describe('key specs', () => {
  it('parses modifiers and the key, including "+" itself', () => {
    expect(parseKeySpec('ctrl+shift+z')).toEqual({ key: 'z', ctrl: true, shift: true, alt: false });
    expect(parseKeySpec('+')).toEqual({ key: '+', ctrl: false, shift: false, alt: false });
    expect(parseKeySpec('ctrl++')).toEqual({ key: '+', ctrl: true, shift: false, alt: false });
    expect(() => parseKeySpec('hyper+x')).toThrow('keyMatching: unknown modifier "hyper" in key spec "hyper+x"');
  });

  it('matches letters in either case with exact modifiers; ctrl also matches meta', () => {
    expect(matchesKey(parseKeySpec('ctrl+z'), key('z', { ctrl: true }))).toBe(true);
    expect(matchesKey(parseKeySpec('ctrl+z'), key('z', { meta: true }))).toBe(true);
    expect(matchesKey(parseKeySpec('ctrl+z'), key('Z', { ctrl: true, shift: true }))).toBe(false);
    expect(matchesKey(parseKeySpec('shift+q'), key('Q', { shift: true }))).toBe(true);
    expect(matchesKey(parseKeySpec('q'), key('q', { alt: true }))).toBe(false);
  });

  it('ignores shift for punctuation, whose character already carries it', () => {
    expect(matchesKey(parseKeySpec('?'), key('?', { shift: true }))).toBe(true);
    expect(matchesKey(parseKeySpec('}'), key('}', { shift: true }))).toBe(true);
  });

  it('names the space bar Space and formats specs for display', () => {
    expect(normalizeKey(' ')).toBe('Space');
    expect(matchesKey(parseKeySpec('shift+Space'), key(' ', { shift: true }))).toBe(true);
    expect(formatKeySpec('ctrl+shift+z')).toBe('Ctrl+Shift+Z');
    expect(formatKeySpec('alt+ArrowUp')).toBe('Alt+Up');
  });
});
