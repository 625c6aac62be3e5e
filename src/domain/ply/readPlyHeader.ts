import { PointFileError } from '../pointcloud/PointFileError.ts';
import { PLY_TYPE_BYTES, PLY_TYPE_NAMES, type PlyElement, type PlyFormat, type PlyHeader, type PlyScalarType } from './PlyHeader.ts';

/** A header longer than this is refused (real headers are a few hundred bytes). */
export const MAX_PLY_HEADER_BYTES = 1 << 20;

const FORMATS: readonly PlyFormat[] = ['ascii', 'binary_little_endian', 'binary_big_endian'];

/**
 * Reads a PLY header: `ply`, `format F V`, `comment`/`obj_info` lines, `element NAME COUNT` each
 * followed by its `property TYPE NAME` / `property list COUNT ITEM NAME` lines, `end_header`.
 * Lines may end in LF or CRLF. Returns null when `end_header` has not arrived yet and `complete`
 * is false (a stream still arriving).
 * @throws PointFileError naming the line and the field for a malformed header
 */
export function readPlyHeader(bytes: Uint8Array, fn: string, fileName?: string, complete = true): PlyHeader | null {
  const fail = (code: 'bad-signature' | 'bad-header' | 'unknown-type', line: number, text: string, field?: string): never => {
    throw new PointFileError(fn, code, `header line ${line}: ${text}`, { fileName, line, field });
  };
  if (bytes.length >= 3 && (bytes[0] !== 0x70 || bytes[1] !== 0x6c || bytes[2] !== 0x79)) {
    throw new PointFileError(fn, 'bad-signature', 'not a PLY file: it does not start with "ply"', { fileName, byteOffset: 0 });
  }
  let format: PlyFormat | null = null;
  let version = '';
  const elements: PlyElement[] = [];
  const comments: string[] = [];
  const warnings: string[] = [];
  let pos = 0;
  let line = 0;
  const limit = Math.min(bytes.length, MAX_PLY_HEADER_BYTES);
  for (;;) {
    const lf = bytes.indexOf(10, pos);
    if (lf < 0 || lf >= limit) {
      if (!complete && bytes.length < MAX_PLY_HEADER_BYTES) return null;
      if (bytes.length === 0) throw new PointFileError(fn, 'bad-signature', 'empty file: no PLY header', { fileName, byteOffset: 0 });
      throw new PointFileError(fn, 'bad-header', `no end_header line in the first ${Math.min(bytes.length, MAX_PLY_HEADER_BYTES)} bytes`, {
        fileName,
        byteOffset: limit,
        field: 'end_header',
      });
    }
    line++;
    let text = '';
    for (let i = pos; i < lf; i++) text += String.fromCharCode(bytes[i]);
    pos = lf + 1;
    const words = text.trim().split(/\s+/);
    const key = words[0];
    if (line === 1) {
      if (key !== 'ply' || words.length !== 1) fail('bad-signature', 1, `expected "ply", got "${text.trim().slice(0, 40)}"`);
      continue;
    }
    if (key === '' || key === undefined) continue;
    if (key === 'end_header') break;
    if (key === 'comment' || key === 'obj_info') {
      comments.push(text.trim().slice(key.length).trim());
    } else if (key === 'format') {
      if (format !== null) fail('bad-header', line, 'a second format line', 'format');
      const f = words[1] as PlyFormat;
      if (!FORMATS.includes(f))
        fail('bad-header', line, `unknown format "${words[1] ?? ''}" (expected ascii, binary_little_endian or binary_big_endian)`, 'format');
      format = f;
      version = words[2] ?? '';
      if (version !== '1.0') warnings.push(`header line ${line}: format version "${version}", read as 1.0`);
    } else if (key === 'element') {
      if (words.length !== 3) fail('bad-header', line, `expected "element NAME COUNT", got "${text.trim()}"`, 'element');
      const count = Number(words[2]);
      if (!/^\d+$/.test(words[2]) || !Number.isSafeInteger(count))
        fail('bad-header', line, `element ${words[1]}: count "${words[2]}" is not a non-negative integer`, words[1]);
      elements.push({ name: words[1], count, properties: [], recordBytes: 0 });
    } else if (key === 'property') {
      const el = elements[elements.length - 1];
      if (el === undefined) fail('bad-header', line, 'a property before any element line', 'property');
      readProperty(words, el, line, fail);
    } else {
      warnings.push(`header line ${line}: unknown keyword "${key}" ignored`);
    }
  }
  if (format === null) throw new PointFileError(fn, 'bad-header', 'no format line before end_header', { fileName, field: 'format' });
  for (const el of elements) {
    if (el.name === 'vertex') {
      for (const p of el.properties) if (p.countType !== null) warnings.push(`vertex property "${p.name}" is a list: not kept as an attribute`);
    }
    const names = new Set<string>();
    for (const p of el.properties) {
      if (names.has(p.name)) {
        throw new PointFileError(fn, 'bad-header', `header line ${p.line}: element ${el.name} declares property "${p.name}" twice`, {
          fileName,
          line: p.line,
          field: p.name,
        });
      }
      names.add(p.name);
    }
  }
  return { format, version, elements, comments, bodyOffset: pos, warnings };
}

function readProperty(
  words: string[],
  el: PlyElement,
  line: number,
  fail: (code: 'bad-header' | 'unknown-type', line: number, text: string, field?: string) => never,
): void {
  const typeOf = (word: string | undefined, name: string): PlyScalarType => {
    const t = word === undefined ? undefined : PLY_TYPE_NAMES[word];
    return (
      t ??
      fail(
        'unknown-type',
        line,
        `element ${el.name}, property ${name}: unknown type "${word ?? ''}" (expected char, uchar, short, ushort, int, uint, float, double or int8 … float64)`,
        name,
      )
    );
  };
  if (words[1] === 'list') {
    if (words.length !== 5) fail('bad-header', line, 'expected "property list COUNT_TYPE ITEM_TYPE NAME"', 'property');
    const name = words[4];
    const countType = typeOf(words[2], name);
    if (countType === 'float' || countType === 'double')
      fail('unknown-type', line, `element ${el.name}, property ${name}: a list count of type ${countType}`, name);
    el.properties.push({ name, type: typeOf(words[3], name), countType, line });
    el.recordBytes = null;
    return;
  }
  if (words.length !== 3) fail('bad-header', line, 'expected "property TYPE NAME"', 'property');
  const type = typeOf(words[1], words[2]);
  el.properties.push({ name: words[2], type, countType: null, line });
  if (el.recordBytes !== null) el.recordBytes += PLY_TYPE_BYTES[type];
}
