import type { KeyInput } from '../actions/Action.ts';

/** What kind of form field a key press came from, as `fieldKeyOutcome` needs to know it. */
export type FieldKind = 'text' | 'multiline' | 'number' | 'slider' | 'select';

/**
 * What a key pressed in a form field does:
 * - `release`: Esc, or Enter outside a multi-line field, once the field's own handling is done
 *   (commit or revert), hands the keyboard back to the viewport;
 * - `shortcut`: a shortcut key the field cannot take as input (a letter on a slider, any
 *   single-character key in a drop-down, where it would silently pick another option): the field
 *   lets go and the shortcut runs;
 * - `ignore`: a character a number field cannot take, typed while entering a number (a typo):
 *   nothing happens, and the field keeps the keyboard. (A shortcut run from there, `D` to the
 *   next frame or `Q` turning the box, would act on a slip of the finger mid-entry.)
 * - `field`: the field keeps it (typing, caret keys, Tab, modified keys).
 */
export type FieldKeyOutcome = 'release' | 'shortcut' | 'ignore' | 'field';

/** Characters a number field takes: digits, sign, decimal point, exponent. */
const NUMBER_CHAR = /^[0-9.,eE+-]$/;

/**
 * The outcome of `input` in a field of `kind`; `isShortcut` says whether an enabled action has
 * the key. Text fields keep every printable key (frame ids and names contain letters).
 */
export function fieldKeyOutcome(kind: FieldKind, input: KeyInput, isShortcut: boolean): FieldKeyOutcome {
  const modified = input.ctrlKey || input.altKey || input.metaKey === true;
  if (input.key === 'Escape' || (input.key === 'Enter' && kind !== 'multiline')) return modified ? 'field' : 'release';
  if (kind === 'text' || kind === 'multiline' || modified || input.key.length !== 1) return 'field';
  if (kind === 'number') return NUMBER_CHAR.test(input.key) ? 'field' : 'ignore';
  return isShortcut ? 'shortcut' : 'field';
}

/** The field kind of a DOM element (by its tag and type), or null when it is not a form field. */
export function fieldKindOf(target: unknown): FieldKind | null {
  if (typeof target !== 'object' || target === null) return null;
  const t = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown };
  const tag = typeof t.tagName === 'string' ? t.tagName.toUpperCase() : '';
  if (tag === 'SELECT') return 'select';
  if (tag === 'TEXTAREA' || t.isContentEditable === true) return 'multiline';
  if (tag !== 'INPUT') return null;
  const type = typeof t.type === 'string' ? t.type.toLowerCase() : 'text';
  if (type === 'number') return 'number';
  if (type === 'range') return 'slider';
  if (type === 'checkbox' || type === 'radio' || type === 'button' || type === 'submit') return null;
  return 'text';
}
