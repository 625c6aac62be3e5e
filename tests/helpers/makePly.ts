/** Builds PLY files in memory for tests (a writer independent of the reader under test). */

export type PlyTestType = 'char' | 'uchar' | 'short' | 'ushort' | 'int' | 'uint' | 'float' | 'double';

export interface PlyTestProperty {
  name: string;
  type: PlyTestType;
  /** Writes this header type name instead of `type` (e.g. `float32`). */
  typeName?: string;
}

export interface PlyTestElement {
  name: string;
  properties: (PlyTestProperty | { name: string; list: [PlyTestType, PlyTestType] })[];
  /** One array per record: scalars, or arrays for list properties. */
  records: (number | number[])[][];
}

const BYTES: Record<PlyTestType, number> = { char: 1, uchar: 1, short: 2, ushort: 2, int: 4, uint: 4, float: 4, double: 8 };

function put(dv: DataView, at: number, type: PlyTestType, v: number, le: boolean): number {
  switch (type) {
    case 'char':
      dv.setInt8(at, v);
      break;
    case 'uchar':
      dv.setUint8(at, v);
      break;
    case 'short':
      dv.setInt16(at, v, le);
      break;
    case 'ushort':
      dv.setUint16(at, v, le);
      break;
    case 'int':
      dv.setInt32(at, v, le);
      break;
    case 'uint':
      dv.setUint32(at, v, le);
      break;
    case 'float':
      dv.setFloat32(at, v, le);
      break;
    case 'double':
      dv.setFloat64(at, v, le);
      break;
  }
  return at + BYTES[type];
}

/** A PLY file of `elements` in `format`; `eol` separates header lines (and ascii records). */
export function makePly(
  format: 'ascii' | 'binary_little_endian' | 'binary_big_endian',
  elements: PlyTestElement[],
  opts: { eol?: string; comments?: string[] } = {},
): Uint8Array {
  const eol = opts.eol ?? '\n';
  const head = ['ply', `format ${format} 1.0`, ...(opts.comments ?? []).map((c) => `comment ${c}`)];
  for (const el of elements) {
    head.push(`element ${el.name} ${el.records.length}`);
    for (const p of el.properties) head.push('list' in p ? `property list ${p.list[0]} ${p.list[1]} ${p.name}` : `property ${p.typeName ?? p.type} ${p.name}`);
  }
  head.push('end_header');
  const headerBytes = new TextEncoder().encode(head.join(eol) + eol);
  if (format === 'ascii') {
    const body = elements.flatMap((el) => el.records.map((r) => r.map((v) => (Array.isArray(v) ? [v.length, ...v].join(' ') : String(v))).join(' '))).join(eol);
    const b = new TextEncoder().encode(body + eol);
    const out = new Uint8Array(headerBytes.length + b.length);
    out.set(headerBytes);
    out.set(b, headerBytes.length);
    return out;
  }
  const le = format === 'binary_little_endian';
  let size = 0;
  for (const el of elements) {
    for (const r of el.records) {
      el.properties.forEach((p, k) => {
        if ('list' in p) size += BYTES[p.list[0]] + (r[k] as number[]).length * BYTES[p.list[1]];
        else size += BYTES[p.type];
      });
    }
  }
  const out = new Uint8Array(headerBytes.length + size);
  out.set(headerBytes);
  const dv = new DataView(out.buffer);
  let at = headerBytes.length;
  for (const el of elements) {
    for (const r of el.records) {
      el.properties.forEach((p, k) => {
        if ('list' in p) {
          const items = r[k] as number[];
          at = put(dv, at, p.list[0], items.length, le);
          for (const v of items) at = put(dv, at, p.list[1], v, le);
        } else {
          at = put(dv, at, p.type, r[k] as number, le);
        }
      });
    }
  }
  return out;
}
