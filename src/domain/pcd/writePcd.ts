/**
 * Writes a PointCloud as a PCD v0.7 file (FORMATS.md §1.14, writer rules): LF only, header in
 * spec order, x y z as F4 first, then attributes with TYPE/SIZE taken from their typed arrays,
 * `rgb`/`rgba` as U 4 bit patterns, binary_compressed as LZF-compressed planes without `_` fields.
 */
import type { AttributeArray, PointCloud } from '../types.ts';
import { PcdError } from './PcdError.ts';
import type { PcdEncoding, PcdFieldType } from './PcdHeader.ts';
import { compressLzf } from './compressLzf.ts';
import { copyStrided } from './copyStrided.ts';
import { formatPcdFloat } from './formatPcdFloat.ts';
import { isColourField, pcdElementOf } from './pcdElementTypes.ts';

export interface WritePcdOptions {
  encoding: PcdEncoding;
  /** Default: the cloud's own `width` if it has one (a PcdCloud), else `count`. */
  width?: number;
  /** Default: the cloud's own `height` if it has one, else 1. WIDTH × HEIGHT must equal count. */
  height?: number;
  /** tx ty tz qw qx qy qz; default: the cloud's own viewpoint, else `0 0 0 1 0 0 0`. */
  viewpoint?: number[];
  /** Attributes to write, in this order (default: all of them, in insertion order). */
  fields?: string[];
  /** ascii only: significant digits for float fields (default: the shortest text that reads back exactly). */
  precision?: number;
}

interface OutField {
  name: string;
  type: PcdFieldType;
  size: number;
  count: number;
  bytes: Uint8Array;
  array: AttributeArray | null;
}

const FN = 'writePcd';

/**
 * Serialises a cloud.
 * @param cloud positions (x y z float32, any frame, written as-is, NaN included) and attributes;
 *   an attribute with `count × k` elements is written with COUNT k
 * @returns the complete file bytes
 * @throws PcdError `bad-input` for inconsistent lengths, bad names or options
 */
export function writePcd(cloud: PointCloud, opts: WritePcdOptions): Uint8Array {
  const bad = (text: string, field?: string): never => {
    throw new PcdError(FN, 'bad-input', text, { field });
  };
  const { count, positions } = cloud;
  if (!Number.isSafeInteger(count) || count < 0) bad(`count ${String(count)} is not a non-negative integer`);
  if (!(positions instanceof Float32Array) || positions.length !== count * 3) bad(`positions must be a Float32Array of count × 3 = ${count * 3} elements`);
  if (!['ascii', 'binary', 'binary_compressed'].includes(opts.encoding)) bad(`unknown encoding "${String(opts.encoding)}"`);
  const own = cloud as Partial<{ width: number; height: number; viewpoint: number[] }>;
  const ownDims = typeof own.width === 'number' && typeof own.height === 'number' && own.width * own.height === count;
  const width = opts.width ?? (ownDims ? (own.width as number) : count);
  const height = opts.height ?? (opts.width !== undefined ? 1 : ownDims ? (own.height as number) : 1);
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 0 || height < 0 || width * height !== count) {
    bad(`WIDTH ${width} × HEIGHT ${height} does not equal count ${count}`);
  }
  const viewpoint = opts.viewpoint ?? (Array.isArray(own.viewpoint) ? own.viewpoint : [0, 0, 0, 1, 0, 0, 0]);
  if (viewpoint.length !== 7 || !viewpoint.every((v) => typeof v === 'number' && Number.isFinite(v))) bad('viewpoint must be 7 finite numbers');
  const precision = opts.precision;
  if (precision !== undefined && (!Number.isInteger(precision) || precision < 1 || precision > 17)) bad(`precision ${precision} is not an integer in 1 … 17`);

  const fields: OutField[] = [];
  const posBytes = new Uint8Array(positions.buffer, positions.byteOffset, positions.byteLength);
  for (const name of ['x', 'y', 'z']) fields.push({ name, type: 'F', size: 4, count: 1, bytes: posBytes, array: null });
  const names = opts.fields ?? Object.keys(cloud.attributes);
  const seen = new Set<string>();
  for (const name of names) {
    const array = cloud.attributes[name];
    if (array === undefined) bad(`no attribute named "${name}"`, name);
    if (!ArrayBuffer.isView(array) || array instanceof DataView) bad(`attribute "${name}" is not a typed array`, name);
    if (seen.has(name)) bad(`attribute "${name}" listed twice`, name);
    seen.add(name);
    if (!/^[\x21-\x7e]+$/.test(name) || name[0] === '#' || name === '_' || name === 'x' || name === 'y' || name === 'z') {
      bad(`attribute name "${name}" cannot be written as a PCD field`, name);
    }
    const k = count === 0 ? 1 : array.length / count;
    if (!Number.isInteger(k) || k < 1 || (count === 0 && array.length !== 0))
      bad(`attribute "${name}" has ${array.length} elements, not a multiple of count ${count}`, name);
    const element = pcdElementOf(array);
    const colour = isColourField(name, element.size);
    fields.push({
      name,
      type: colour ? 'U' : element.type,
      size: element.size,
      count: k,
      bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
      array: colour ? new Uint32Array(array.buffer, array.byteOffset, array.length) : array,
    });
  }

  const header =
    '# .PCD v0.7 - Point Cloud Data file format\n' +
    'VERSION 0.7\n' +
    `FIELDS ${fields.map((f) => f.name).join(' ')}\n` +
    `SIZE ${fields.map((f) => f.size).join(' ')}\n` +
    `TYPE ${fields.map((f) => f.type).join(' ')}\n` +
    `COUNT ${fields.map((f) => f.count).join(' ')}\n` +
    `WIDTH ${width}\nHEIGHT ${height}\n` +
    `VIEWPOINT ${viewpoint.map((v) => String(v)).join(' ')}\n` +
    `POINTS ${count}\nDATA ${opts.encoding}\n`;
  if (opts.encoding === 'ascii') return asciiBytes(header + asciiBody(fields, count, positions, precision));
  const step = fields.reduce((s, f) => s + f.size * f.count, 0);
  const head = asciiBytes(header);
  if (opts.encoding === 'binary') {
    const out = new Uint8Array(head.length + count * step);
    out.set(head);
    let offset = head.length;
    fields.forEach((f, i) => {
      const b = f.size * f.count;
      // x y z come from the interleaved positions (stride 12); attributes are contiguous.
      copyStrided(f.bytes, i < 3 ? i * 4 : 0, i < 3 ? 12 : b, out, offset, step, b, count);
      offset += b;
    });
    return out;
  }
  const planes = new Uint8Array(count * step);
  let plane = 0;
  fields.forEach((f, i) => {
    const b = f.size * f.count;
    copyStrided(f.bytes, i < 3 ? i * 4 : 0, i < 3 ? 12 : b, planes, plane, b, b, count);
    plane += count * b;
  });
  const stream = compressLzf(planes);
  const out = new Uint8Array(head.length + 8 + stream.length);
  out.set(head);
  const sizes = new DataView(out.buffer, head.length, 8);
  sizes.setUint32(0, stream.length, true);
  sizes.setUint32(4, planes.length, true);
  out.set(stream, head.length + 8);
  return out;
}

function asciiBody(fields: OutField[], count: number, positions: Float32Array, precision?: number): string {
  const lines: string[] = new Array<string>(count);
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    tokens.length = 0;
    for (let a = 0; a < 3; a++) tokens.push(formatPcdFloat(positions[i * 3 + a], true, precision));
    for (let f = 3; f < fields.length; f++) {
      const { array, count: k, type, size } = fields[f];
      const values = array as AttributeArray;
      for (let c = 0; c < k; c++) {
        const v = values[i * k + c];
        tokens.push(typeof v === 'bigint' || type !== 'F' ? String(v) : formatPcdFloat(v, size === 4, precision));
      }
    }
    lines[i] = tokens.join(' ');
  }
  return count === 0 ? '' : `${lines.join('\n')}\n`;
}

function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
