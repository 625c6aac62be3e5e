/**
 * Splits one header line into tokens (FORMATS.md §1.14): separators are space, tab, CR, VT and FF;
 * a token starting with `#` ends the line (comment lines and trailing `# note`s alike).
 * Bytes are read as Latin-1, so any byte sequence gives a string and nothing throws.
 * @param bytes file bytes
 * @param start first byte of the line
 * @param end byte offset of the LF (exclusive end)
 * @returns the tokens, or null when the line contains a NUL byte (binary data, not a header)
 */
export function tokenizeHeaderLine(bytes: Uint8Array, start: number, end: number): string[] | null {
  const tokens: string[] = [];
  let i = start;
  while (i < end) {
    let b = bytes[i];
    if (b === 0) return null;
    if (isSeparator(b)) {
      i++;
      continue;
    }
    if (b === 0x23 /* # */) {
      for (let j = i; j < end; j++) if (bytes[j] === 0) return null;
      break;
    }
    let token = '';
    while (i < end) {
      b = bytes[i];
      if (b === 0) return null;
      if (isSeparator(b)) break;
      token += String.fromCharCode(b);
      i++;
    }
    tokens.push(token);
  }
  return tokens;
}

function isSeparator(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0b || b === 0x0c;
}
