import { describe, expect, it } from 'vitest';
import { fieldKeyOutcome, fieldKindOf } from '../../../src/ui/fieldKeys.ts';

const key = (k: string, mods: { shiftKey?: boolean; ctrlKey?: boolean; altKey?: boolean } = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  ...mods,
});

describe('keys in form fields', () => {
  it('Enter and Esc hand the keyboard back from every single-line field', () => {
    for (const kind of ['text', 'number', 'select'] as const) {
      expect(fieldKeyOutcome(kind, key('Enter'), false)).toBe('release');
      expect(fieldKeyOutcome(kind, key('Escape'), true)).toBe('release');
    }
    expect(fieldKeyOutcome('multiline', key('Enter'), false)).toBe('field');
    expect(fieldKeyOutcome('multiline', key('Escape'), false)).toBe('release');
    expect(fieldKeyOutcome('text', key('Enter', { ctrlKey: true }), false)).toBe('field');
  });

  it('a text field keeps letters and digits, even shortcut ones (frame ids have letters)', () => {
    expect(fieldKeyOutcome('text', key('p'), true)).toBe('field');
    expect(fieldKeyOutcome('text', key('3'), true)).toBe('field');
  });

  it('a number field drops a letter it cannot take (a typo runs no shortcut), and keeps what a number is made of', () => {
    expect(fieldKeyOutcome('number', key('q'), true)).toBe('ignore');
    expect(fieldKeyOutcome('number', key('d'), true)).toBe('ignore');
    expect(fieldKeyOutcome('number', key('D', { shiftKey: true }), true)).toBe('ignore');
    expect(fieldKeyOutcome('number', key('x'), false)).toBe('ignore');
    for (const k of ['4', '.', '-', 'e', 'E', '+']) expect(fieldKeyOutcome('number', key(k), true)).toBe('field');
    expect(fieldKeyOutcome('number', key('ArrowUp'), true)).toBe('field');
    expect(fieldKeyOutcome('number', key('Backspace'), true)).toBe('field');
    expect(fieldKeyOutcome('number', key('z', { ctrlKey: true }), true)).toBe('field');
  });

  it('a slider lets go of a shortcut letter and keeps its arrow keys', () => {
    expect(fieldKeyOutcome('slider', key('q'), true)).toBe('shortcut');
    expect(fieldKeyOutcome('slider', key('q'), false)).toBe('field');
    expect(fieldKeyOutcome('slider', key('ArrowLeft'), true)).toBe('field');
  });

  it('a drop-down lets go of every shortcut key instead of picking an option by its first letter', () => {
    expect(fieldKeyOutcome('select', key('d'), true)).toBe('shortcut');
    expect(fieldKeyOutcome('select', key('3'), true)).toBe('shortcut');
    expect(fieldKeyOutcome('select', key('ArrowDown'), true)).toBe('field');
  });

  it('tells fields apart by tag and type', () => {
    expect(fieldKindOf({ tagName: 'INPUT', type: 'text' })).toBe('text');
    expect(fieldKindOf({ tagName: 'input', type: 'search' })).toBe('text');
    expect(fieldKindOf({ tagName: 'INPUT', type: 'number' })).toBe('number');
    expect(fieldKindOf({ tagName: 'INPUT', type: 'range' })).toBe('slider');
    expect(fieldKindOf({ tagName: 'SELECT' })).toBe('select');
    expect(fieldKindOf({ tagName: 'TEXTAREA' })).toBe('multiline');
    expect(fieldKindOf({ tagName: 'DIV', isContentEditable: true })).toBe('multiline');
    expect(fieldKindOf({ tagName: 'INPUT', type: 'checkbox' })).toBeNull();
    expect(fieldKindOf({ tagName: 'CANVAS' })).toBeNull();
    expect(fieldKindOf(null)).toBeNull();
  });
});
