/**
 * The one rule for a class name (a KITTI `type` token), shared by the annotation save
 * (`validateAnnotation`) and the `label_2` import: 1 to 64 characters (code points), any script
 * (`Fußgänger`, `歩行者`, `Truck(big)`), but no whitespace (a label_2 line is split on it) and no
 * control, format or unassigned characters (invisible, and they could reorder the text around them).
 */
export const CLASS_NAME_PATTERN = /^[^\s\p{C}]{1,64}$/u;

/** The rule in words, for error messages. */
export const CLASS_NAME_RULE = 'a class name is 1-64 characters with no spaces and no control or invisible characters';

/** Whether `name` is an acceptable class name (see `CLASS_NAME_PATTERN`). */
export function isValidClassName(name: string): boolean {
  return CLASS_NAME_PATTERN.test(name);
}

/**
 * Whether a class can be given to a box: KITTI's `DontCare` (any case) cannot. Its label_2 lines
 * are image regions to ignore, not boxes (readers drop them), so a box of that class would vanish
 * from training. Shared by the save (`validateAnnotation`), the label writer and the palette.
 */
export function isBoxClass(label: string): boolean {
  return label.toLowerCase() !== 'dontcare';
}

/** Why `name` is not a class name, in words, or null when it is one. */
export function classNameProblem(name: string): string | null {
  if (isValidClassName(name)) return null;
  const length = [...name].length;
  if (length === 0) return 'the class name is empty';
  if (length > 64) return `the class name has ${length} characters; ${CLASS_NAME_RULE}`;
  const bad = [...name].find((c) => /[\s\p{C}]/u.test(c)) ?? '';
  const code = `U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `the class name holds the character ${code}; ${CLASS_NAME_RULE}`;
}

/** `name` in quotes for a message, its invisible characters written as `\uXXXX` (and cut past 80). */
export function quoteClassName(name: string): string {
  const shown = [...name].length > 80 ? `${[...name].slice(0, 80).join('')}…` : name;
  return JSON.stringify(shown).replace(/[^\P{C}]|[^\S ]/gu, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
