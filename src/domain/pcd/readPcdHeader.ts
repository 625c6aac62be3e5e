/**
 * Reads the ASCII header of a PCD file (FORMATS.md §1.2, §1.11, §1.14).
 * Lenient where PCL or three.js differ harmlessly (keyword case, CRLF, leading blanks, `#` comments
 * anywhere, order), strict where a wrong guess would corrupt data (list lengths, TYPE/SIZE, POINTS).
 */
import { PcdError, formatCount } from './PcdError.ts';
import type { PcdErrorCode } from './PcdError.ts';
import type { PcdEncoding, PcdField, PcdFieldType, PcdHeader } from './PcdHeader.ts';
import { isValidPcdElement, positionAxisOf } from './pcdElementTypes.ts';
import { tokenizeHeaderLine } from './tokenizeHeaderLine.ts';

export interface ReadPcdHeaderOptions {
  /** Shown in error messages. */
  fileName?: string;
}

/** A header longer than this without a DATA line is not a PCD header. */
export const MAX_PCD_HEADER_BYTES = 1 << 20;
/** Above this POINTS value the typed arrays could not be allocated anyway. */
export const MAX_PCD_POINTS = 2 ** 30;

const IDENTITY_VIEWPOINT = [0, 0, 0, 1, 0, 0, 0];
const MAX_UNKNOWN_WARNINGS = 8;

/**
 * Reads the header of a complete PCD file (or at least its whole header).
 * A DATA line ended by the end of input (no LF) is accepted; the body then starts at `bytes.length`.
 * @param bytes the file bytes from offset 0
 * @returns the header; `bodyOffset` is a byte offset into `bytes`
 * @throws PcdError when there is no DATA line or the header is invalid
 */
export function readPcdHeader(bytes: Uint8Array, opts: ReadPcdHeaderOptions = {}): PcdHeader {
  return scanPcdHeader(bytes, 'readPcdHeader', opts.fileName, true) as PcdHeader;
}

/**
 * Streaming variant: returns null while the DATA line has not fully arrived (no LF after it yet),
 * and throws as soon as a complete header line is already wrong.
 * @param bytes the bytes received so far, from file offset 0
 */
export function tryReadPcdHeader(bytes: Uint8Array, opts: ReadPcdHeaderOptions = {}): PcdHeader | null {
  return scanPcdHeader(bytes, 'tryReadPcdHeader', opts.fileName, false);
}

interface Entry {
  tokens: string[];
  line: number;
}

/**
 * Shared implementation; `fn` is the public function named in error messages.
 * With `complete` false, returns null when the header is not complete yet.
 */
export function scanPcdHeader(bytes: Uint8Array, fn: string, fileName: string | undefined, complete: boolean): PcdHeader | null {
  const fail: Fail = (code, text, line, keyword, extra) => {
    const where = line !== undefined ? `header line ${line}${keyword !== undefined ? ` (${keyword})` : ''}: ` : '';
    throw new PcdError(fn, code, where + text, { fileName, line, field: keyword, ...extra });
  };
  const entries = new Map<string, Entry>();
  const warnings: string[] = [];
  let unknownCount = 0;
  // A UTF-8 byte-order mark is not part of the first keyword.
  let pos = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 0;
  for (;;) {
    if (pos >= bytes.length) {
      if (!complete) return null;
      return fail('missing-data-line', bytes.length === 0 ? 'input is empty: no PCD header' : `no DATA line in the header (${formatCount(line)} lines read)`);
    }
    let lf = bytes.indexOf(10, pos);
    if (lf === -1) {
      if (bytes.length - pos > MAX_PCD_HEADER_BYTES) lf = bytes.length;
      else if (!complete) return null;
      else lf = bytes.length;
    }
    line++;
    if (lf > MAX_PCD_HEADER_BYTES) {
      fail('missing-data-line', `no DATA line in the first ${formatCount(MAX_PCD_HEADER_BYTES)} bytes: not a PCD header`, line);
    }
    const tokens = tokenizeHeaderLine(bytes, pos, lf);
    if (tokens === null) {
      // Binary bytes after header lines: the header ended without its DATA line.
      if (entries.size > 0) fail('missing-data-line', `no DATA line: the header ends at line ${line - 1}, and line ${line} holds binary data`, line);
      fail('bad-header-value', 'contains a NUL byte: not a PCD header', line);
    }
    pos = lf + 1;
    if (tokens === null || tokens.length === 0) continue;
    const keyword = tokens[0].toUpperCase();
    const key = keyword === 'COLUMNS' ? 'FIELDS' : keyword;
    if (!KEYWORDS.has(key)) {
      if (unknownCount++ < MAX_UNKNOWN_WARNINGS) warnings.push(`header line ${line}: unknown keyword "${tokens[0]}" ignored`);
      continue;
    }
    const previous = entries.get(key);
    if (previous !== undefined) warnings.push(`header line ${line}: ${key} repeated (line ${previous.line}); the later one is used`);
    entries.set(key, { tokens: tokens.slice(1), line });
    checkLine(key, tokens.slice(1), line, fail);
    if (key === 'DATA') break;
  }
  return assembleHeader(entries, Math.min(pos, bytes.length), warnings, fail);
}

const KEYWORDS = new Set(['VERSION', 'FIELDS', 'SIZE', 'TYPE', 'COUNT', 'WIDTH', 'HEIGHT', 'VIEWPOINT', 'POINTS', 'DATA']);

type Fail = (
  code: PcdErrorCode,
  text: string,
  line?: number,
  keyword?: string,
  extra?: { field?: string; expected?: number | string; actual?: number | string },
) => never;

/** Checks what can be checked on one line alone, so a streaming reader fails early. */
function checkLine(key: string, values: string[], line: number, fail: Fail): void {
  switch (key) {
    case 'FIELDS':
      if (values.length === 0) fail('missing-fields', 'no field names', line, key);
      return;
    case 'SIZE':
    case 'COUNT':
      for (const v of values) parseCount(v, line, key, fail);
      return;
    case 'TYPE':
      values.forEach((v, i) => {
        if (!/^[iufb]$/i.test(v)) fail('unknown-type', `unknown TYPE "${v}" for field #${i + 1}`, line, key);
      });
      return;
    case 'WIDTH':
    case 'HEIGHT':
    case 'POINTS':
      if (values.length === 0) fail('bad-header-value', 'missing value', line, key);
      parseCount(values[0], line, key, fail);
      return;
    case 'VIEWPOINT':
      parseViewpoint(values, line, fail);
      return;
    case 'DATA':
      parseEncoding(values, line, fail);
      return;
  }
}

function parseCount(token: string, line: number, key: string, fail: Fail): number {
  if (!/^\+?\d+$/.test(token)) fail('bad-header-value', `"${token}" is not a non-negative integer`, line, key);
  const n = Number(token);
  if (!Number.isSafeInteger(n)) fail('bad-header-value', `${token} is too large`, line, key);
  return n;
}

function parseViewpoint(values: string[], line: number, fail: Fail): number[] {
  if (values.length !== 7) fail('bad-header-value', `expected 7 values (tx ty tz qw qx qy qz), got ${values.length}`, line, 'VIEWPOINT');
  return values.map((v) => {
    const n = Number(v);
    if (v === '' || !Number.isFinite(n)) fail('bad-header-value', `"${v}" is not a number`, line, 'VIEWPOINT');
    return n;
  });
}

function parseEncoding(values: string[], line: number, fail: Fail): PcdEncoding {
  const v = (values[0] ?? '').toLowerCase();
  if (v === 'ascii' || v === 'binary' || v === 'binary_compressed') return v;
  return fail(
    'unknown-data-format',
    values.length === 0 ? 'missing value' : `unknown DATA format "${values[0]}" (expected ascii, binary or binary_compressed)`,
    line,
    'DATA',
  );
}

function assembleHeader(entries: Map<string, Entry>, bodyOffset: number, warnings: string[], fail: Fail): PcdHeader {
  const data = entries.get('DATA') as Entry;
  const fieldsEntry = entries.get('FIELDS');
  if (fieldsEntry === undefined) return fail('missing-fields', 'no FIELDS line before DATA', data.line, 'DATA');
  const names = fieldsEntry.tokens;
  const n = names.length;
  const list = (key: string): Entry | undefined => {
    const e = entries.get(key);
    if (e !== undefined && e.tokens.length !== n) {
      fail('list-length-mismatch', `${e.tokens.length} values for ${n} fields (${names.join(' ')})`, e.line, key, {
        expected: n,
        actual: e.tokens.length,
      });
    }
    return e;
  };
  const sizeEntry = list('SIZE');
  const typeEntry = list('TYPE');
  const countEntry = list('COUNT');
  if (sizeEntry === undefined) warnings.push('SIZE missing: every field is 4 bytes');
  if (typeEntry === undefined) warnings.push('TYPE missing: every field is F (float)');

  const fields: PcdField[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const size = sizeEntry ? Number(sizeEntry.tokens[i]) : 4;
    const type = (typeEntry ? typeEntry.tokens[i].toUpperCase() : 'F') as PcdFieldType;
    const count = countEntry ? parseCount(countEntry.tokens[i], countEntry.line, 'COUNT', fail) : 1;
    if (!isValidPcdElement(type, size)) {
      const where = typeEntry ?? sizeEntry;
      const text =
        typeEntry === undefined
          ? `no TYPE line, so field ${names[i]} is read as F (float), which cannot be ${size} byte${size === 1 ? '' : 's'} (F is 4 or 8): add the TYPE line`
          : `unknown TYPE "${type}" SIZE ${size} for field ${names[i]}`;
      fail('unknown-type', text, where?.line, typeEntry ? 'TYPE' : 'SIZE', {
        field: names[i],
        actual: `${type}${size}`,
      });
    }
    if (count === 0) {
      // PCL 1.13 drops such a field with a warning, which misreads a binary body that holds it
      // (every later point shifts): refuse it instead, naming the field.
      fail(
        'bad-header-value',
        `field ${names[i]} has COUNT 0: every field holds at least one element per point (COUNT 1 for a scalar)`,
        countEntry?.line,
        'COUNT',
        {
          field: names[i],
          actual: 0,
        },
      );
    }
    let name = names[i];
    if (name !== '_' && seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`) || names.includes(`${name}_${k}`)) k++;
      warnings.push(`field name ${name} repeated (field #${i + 1}): stored as ${name}_${k}`);
      name = `${name}_${k}`;
    }
    seen.add(name);
    if ((name === 'x' || name === 'y' || name === 'z') && positionAxisOf(name, count) < 0) {
      warnings.push(`field ${name} has COUNT ${count}: kept as an attribute, positions ${name} = 0`);
    }
    fields.push({ name, size, type, count, offset });
    offset += size * count;
  }

  const axes = ['x', 'y', 'z'].filter((a) => !fields.some((f) => positionAxisOf(f.name, f.count) >= 0 && f.name === a));
  if (axes.length > 0 && !fields.some((f) => (f.name === 'x' || f.name === 'y' || f.name === 'z') && f.count !== 1)) {
    warnings.push(`no ${axes.join(', ')} field${axes.length > 1 ? 's' : ''}: position${axes.length > 1 ? 's' : ''} ${axes.join(', ')} = 0`);
  }
  const { width, height, points } = resolveDimensions(entries, data.line, warnings, fail);
  if (points > MAX_PCD_POINTS || !Number.isSafeInteger(points * Math.max(offset, 1) * 3)) {
    const e = entries.get('POINTS') ?? entries.get('WIDTH');
    fail(
      'too-large',
      `${formatCount(points)} points is more than this reader can allocate (max ${formatCount(MAX_PCD_POINTS)})`,
      e?.line,
      e === entries.get('POINTS') ? 'POINTS' : 'WIDTH',
    );
  }
  const vp = entries.get('VIEWPOINT');
  return {
    version: entries.get('VERSION')?.tokens[0] ?? '0.7',
    fields,
    width,
    height,
    viewpoint: vp ? parseViewpoint(vp.tokens, vp.line, fail) : IDENTITY_VIEWPOINT.slice(),
    points,
    data: parseEncoding(data.tokens, data.line, fail),
    bodyOffset,
    pointStep: offset,
    warnings,
  };
}

/** Applies the defaults WIDTH = POINTS, HEIGHT = 1, POINTS = WIDTH × HEIGHT and checks they agree. */
function resolveDimensions(entries: Map<string, Entry>, dataLine: number, warnings: string[], fail: Fail): { width: number; height: number; points: number } {
  const value = (key: string): number | undefined => {
    const e = entries.get(key);
    return e === undefined ? undefined : parseCount(e.tokens[0], e.line, key, fail);
  };
  const w = value('WIDTH');
  const h = value('HEIGHT');
  const p = value('POINTS');
  const pLine = entries.get('POINTS')?.line;
  if (p === undefined) {
    if (w === undefined) return fail('missing-points', 'neither POINTS nor WIDTH is given: the point count is unknown', dataLine, 'DATA');
    const height = h ?? 1;
    warnings.push(`POINTS missing: using WIDTH × HEIGHT = ${formatCount(w * height)}`);
    return { width: w, height, points: w * height };
  }
  if (w === undefined) {
    const height = h ?? 1;
    if (h === undefined) warnings.push('WIDTH/HEIGHT missing: using WIDTH = POINTS, HEIGHT = 1');
    if (height === 0 ? p !== 0 : p % height !== 0) {
      fail('points-mismatch', `POINTS ${formatCount(p)} is not a multiple of HEIGHT ${formatCount(height)}`, pLine, 'POINTS');
    }
    return { width: height === 0 ? 0 : p / height, height, points: p };
  }
  const height = h ?? 1;
  if (h === undefined) warnings.push('HEIGHT missing: using 1');
  if (w * height !== p) {
    fail(
      'points-mismatch',
      `POINTS ${formatCount(p)} does not equal WIDTH × HEIGHT = ${formatCount(w)} × ${formatCount(height)} = ${formatCount(w * height)}`,
      pLine,
      'POINTS',
      { expected: w * height, actual: p },
    );
  }
  return { width: w, height, points: p };
}
