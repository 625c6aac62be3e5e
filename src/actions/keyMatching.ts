import type { KeyInput } from './Action.ts';

export interface KeySpec {
  key: string;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

/** Parses `'ctrl+shift+z'` into its parts. The key itself is the last `+`-separated part ('+' alone is allowed). */
export function parseKeySpec(spec: string): KeySpec {
  const parts = spec === '+' ? ['+'] : spec.endsWith('++') ? [...spec.slice(0, -2).split('+'), '+'] : spec.split('+');
  const key = parts[parts.length - 1];
  const mods = new Set(parts.slice(0, -1).map((m) => m.toLowerCase()));
  for (const m of mods) {
    if (m !== 'ctrl' && m !== 'shift' && m !== 'alt') throw new Error(`keyMatching: unknown modifier "${m}" in key spec "${spec}"`);
  }
  return { key, ctrl: mods.has('ctrl'), shift: mods.has('shift'), alt: mods.has('alt') };
}

/** `KeyboardEvent.key` in the form key specs use: ' ' → 'Space', single letters lower-cased. */
export function normalizeKey(key: string): string {
  if (key === ' ' || key === 'Spacebar') return 'Space';
  return key.length === 1 ? key.toLowerCase() : key;
}

/** Punctuation and symbols: the character already reflects shift. */
function isSymbol(key: string): boolean {
  return key.length === 1 && !/[a-z0-9]/i.test(key);
}

/** Whether a key press matches a parsed spec. */
export function matchesKey(spec: KeySpec, input: KeyInput): boolean {
  const key = normalizeKey(input.key);
  if (key !== normalizeKey(spec.key)) return false;
  const ctrl = input.ctrlKey || input.metaKey === true;
  if (ctrl !== spec.ctrl || input.altKey !== spec.alt) return false;
  return isSymbol(key) || input.shiftKey === spec.shift;
}

/** A key spec for display: `'ctrl+shift+z'` → `'Ctrl+Shift+Z'`. */
export function formatKeySpec(spec: string): string {
  const { key, ctrl, shift, alt } = parseKeySpec(spec);
  const name = key.length === 1 ? key.toUpperCase() : key.replace(/^Arrow/, '');
  return [ctrl ? 'Ctrl' : '', alt ? 'Alt' : '', shift ? 'Shift' : '', name].filter(Boolean).join('+');
}
