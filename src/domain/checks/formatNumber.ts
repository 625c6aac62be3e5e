/**
 * Formats a number for a check message: fixed decimals, no "-0", "?" for non-finite values.
 * `fmt(42.04)` → "42", `fmt(0.625, 2)` → "0.63".
 */
export function fmt(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '?';
  const s = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** "1 point", "3 points". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
