const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** Minus signs a paste may bring (−, –, —), read as '-'. */
export const MINUS_SIGNS = /[\u2212\u2013\u2014]/g;

/**
 * A number typed into a field, or null when the text is none: digits with one decimal point or
 * one decimal comma ("3,5" is 3.5, as typed where the comma is the decimal sign), an optional
 * sign and exponent. "1,234.5", "1.2.3" and "" are null.
 */
export function parseTypedNumber(text: string): number | null {
  // A pasted minus sign (−, –, —) is a minus.
  let t = text.trim().replace(MINUS_SIGNS, '-');
  if (t.includes(',')) {
    if (t.includes('.') || t.indexOf(',') !== t.lastIndexOf(',')) return null;
    t = t.replace(',', '.');
  }
  if (!NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}
