/**
 * Builds PCD files in code for tests (after three.js PCDLoader.tests.js `makeHeader`).
 * Independent of the code under test: binary values go through DataView, compressed bodies use a
 * literal-only LZF stream written here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type PcdValue = number | bigint | string;

export interface MakePcdOptions {
  fields: string[];
  /** `null` omits the line; default 4 per field. */
  sizes?: number[] | null;
  /** `null` omits the line; default F per field. */
  types?: string[] | null;
  /** `null` omits the line; default 1 per field. */
  counts?: number[] | null;
  /** `null` omits the line; default rows.length. */
  width?: number | null;
  /** `null` omits the line; default 1. */
  height?: number | null;
  /** `null` omits the line; default width × height. */
  points?: number | null;
  viewpoint?: number[] | null;
  version?: string | null;
  /** DATA value exactly as written (e.g. `ASCII`). */
  data: string;
  /** One array per point: every element of every field (including `_`) in header order. */
  rows?: PcdValue[][];
  /** Fields whose values are uint32 bit patterns, written raw whatever their TYPE (binary only). */
  bitFields?: string[];
  /** Replaces the encoded body. */
  body?: Uint8Array | string;
  /** Replaces the whole header text (must end with the DATA line and its line ending). */
  header?: string;
  /** Line ending for header and ascii body. Default `\n`. */
  eol?: string;
  /** Zero bytes appended after the body (PCL's page padding). */
  trailingZeros?: number;
}

const enc = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The header text makePcd writes, one keyword per line in spec order. */
export function makePcdHeader(o: MakePcdOptions): string {
  const eol = o.eol ?? '\n';
  const n = o.fields.length;
  const rows = o.rows?.length ?? 0;
  const width = o.width === undefined ? rows : o.width;
  const height = o.height === undefined ? 1 : o.height;
  const points = o.points === undefined ? (width ?? rows) * (height ?? 1) : o.points;
  const lines = ['# .PCD v0.7 - Point Cloud Data file format'];
  if (o.version !== null) lines.push(`VERSION ${o.version ?? '0.7'}`);
  lines.push(`FIELDS ${o.fields.join(' ')}`);
  if (o.sizes !== null) lines.push(`SIZE ${(o.sizes ?? new Array<number>(n).fill(4)).join(' ')}`);
  if (o.types !== null) lines.push(`TYPE ${(o.types ?? new Array<string>(n).fill('F')).join(' ')}`);
  if (o.counts !== null) lines.push(`COUNT ${(o.counts ?? new Array<number>(n).fill(1)).join(' ')}`);
  if (width !== null) lines.push(`WIDTH ${width}`);
  if (height !== null) lines.push(`HEIGHT ${height}`);
  if (o.viewpoint !== null) lines.push(`VIEWPOINT ${(o.viewpoint ?? [0, 0, 0, 1, 0, 0, 0]).join(' ')}`);
  if (points !== null) lines.push(`POINTS ${points}`);
  lines.push(`DATA ${o.data}`);
  return lines.join(eol) + eol;
}

interface Layout {
  name: string;
  size: number;
  type: string;
  count: number;
}

function layoutOf(o: MakePcdOptions): Layout[] {
  return o.fields.map((name, i) => ({
    name,
    size: o.sizes?.[i] ?? 4,
    type: (o.types?.[i] ?? 'F').toUpperCase(),
    count: o.counts?.[i] ?? 1,
  }));
}

function writeElement(view: DataView, at: number, f: Layout, v: PcdValue, bits: boolean): void {
  const x = typeof v === 'string' ? Number(v) : v;
  if (bits) return view.setUint32(at, Number(x), true);
  const code = `${f.type}${f.size}`;
  if (code === 'I8') return view.setBigInt64(at, BigInt(x), true);
  if (code === 'U8') return view.setBigUint64(at, BigInt(x), true);
  const num = Number(x);
  switch (code) {
    case 'F4':
      return view.setFloat32(at, num, true);
    case 'F8':
      return view.setFloat64(at, num, true);
    case 'I1':
      return view.setInt8(at, num);
    case 'I2':
      return view.setInt16(at, num, true);
    case 'I4':
      return view.setInt32(at, num, true);
    case 'U2':
      return view.setUint16(at, num, true);
    case 'U4':
      return view.setUint32(at, num, true);
    default:
      return view.setUint8(at, num);
  }
}

/** Array-of-structures records (DATA binary). */
export function encodeBinaryRows(o: MakePcdOptions): Uint8Array {
  const layout = layoutOf(o);
  const step = layout.reduce((s, f) => s + f.size * f.count, 0);
  const rows = o.rows ?? [];
  const out = new Uint8Array(rows.length * step);
  const view = new DataView(out.buffer);
  rows.forEach((row, i) => {
    let at = i * step;
    let t = 0;
    for (const f of layout) {
      for (let c = 0; c < f.count; c++, t++, at += f.size) writeElement(view, at, f, row[t], o.bitFields?.includes(f.name) ?? false);
    }
  });
  return out;
}

/** Structure-of-arrays planes (binary_compressed payload); `_` planes only with `keepPadding`. */
export function encodePlanes(o: MakePcdOptions, keepPadding = false): Uint8Array {
  const layout = layoutOf(o);
  const rows = o.rows ?? [];
  const kept = layout.filter((f) => keepPadding || f.name !== '_');
  const out = new Uint8Array(rows.length * kept.reduce((s, f) => s + f.size * f.count, 0));
  const view = new DataView(out.buffer);
  let plane = 0;
  let token = 0;
  for (const f of layout) {
    const b = f.size * f.count;
    if (keepPadding || f.name !== '_') {
      rows.forEach((row, i) => {
        for (let c = 0; c < f.count; c++) writeElement(view, plane + i * b + c * f.size, f, row[token + c], o.bitFields?.includes(f.name) ?? false);
      });
      plane += rows.length * b;
    }
    token += f.count;
  }
  return out;
}

/** A valid LZF stream made of literal runs only (FORMATS.md §1.8, "simplest correct writer"). */
export function literalLzf(bytes: Uint8Array): Uint8Array {
  const parts: number[] = [];
  for (let i = 0; i < bytes.length; i += 32) {
    const run = bytes.subarray(i, i + 32);
    parts.push(run.length - 1, ...run);
  }
  return Uint8Array.from(parts);
}

/** CS, US and the stream, as a binary_compressed body. */
export function compressedBody(planes: Uint8Array, stream = literalLzf(planes)): Uint8Array {
  const head = new Uint8Array(8);
  const view = new DataView(head.buffer);
  view.setUint32(0, stream.length, true);
  view.setUint32(4, planes.length, true);
  return concatBytes(head, stream);
}

export function encodeAsciiRows(o: MakePcdOptions): string {
  const eol = o.eol ?? '\n';
  return (o.rows ?? []).map((row) => row.map((v) => String(v)).join(' ') + eol).join('');
}

/** Builds a complete PCD file. */
export function makePcd(o: MakePcdOptions): Uint8Array {
  const header = enc(o.header ?? makePcdHeader(o));
  let body: Uint8Array;
  if (o.body !== undefined) body = typeof o.body === 'string' ? enc(o.body) : o.body;
  else if (o.data.toLowerCase() === 'ascii') body = enc(encodeAsciiRows(o));
  else if (o.data.toLowerCase() === 'binary') body = encodeBinaryRows(o);
  else body = compressedBody(encodePlanes(o));
  return concatBytes(header, body, new Uint8Array(o.trailingZeros ?? 0));
}

/** The three points of FORMATS.md §3.2 (x y z intensity). */
export const TINY_ROWS: number[][] = [
  [1, 2, 3, 0.5],
  [-1.5, 0.25, 10, 1],
  [0, 0, 0, 0],
];

/** §3.2's file in one mode, as PCL 1.13 wrote it (binary: 4144 bytes; compressed: 4096 bytes). */
export function tinyPclFile(mode: 'ascii' | 'binary' | 'binary_compressed'): Uint8Array {
  const o: MakePcdOptions = { fields: ['x', 'y', 'z', 'intensity'], data: mode, rows: TINY_ROWS };
  if (mode === 'ascii') return makePcd(o);
  if (mode === 'binary') return makePcd({ ...o, trailingZeros: 4144 - 180 - 48 });
  const body = compressedBody(encodePlanes(o), hexBytes(PCL_STREAM_HEX));
  return makePcd({ ...o, body, trailingZeros: 4096 - 191 - body.length });
}

/** PCL 1.13's 36-byte LZF stream of §3.2's planes (FORMATS.md §3.1). */
export const PCL_STREAM_HEX = '08 00 00 80 3f 00 00 c0 bf 00 80 00 04 40 00 00 80 3e a0 0a 20 0b 01 20 41 80 0b 00 00 20 23 40 27 01 00 00';

export function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(
    hex
      .trim()
      .split(/\s+/)
      .map((h) => parseInt(h, 16)),
  );
}

/** The real PCD files of ../shared/samples/pcd (read in place, never copied into the repo). */
export const PCD_SAMPLES_DIR = path.resolve(process.cwd(), '../shared/samples/pcd');

export function readPcdSample(name: string): Uint8Array {
  const buf = readFileSync(path.join(PCD_SAMPLES_DIR, name));
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Byte view of any typed array, for bit-exact comparisons (NaN payloads included). */
export function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Plain array of any attribute's elements (numbers or bigints), for `toEqual`. */
export function values(a: ArrayLike<number> | ArrayLike<bigint>): (number | bigint)[] {
  return Array.from(a as ArrayLike<number | bigint>);
}

/** True when two typed arrays hold the same bytes (fast, for big arrays; NaN payloads included). */
export function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
