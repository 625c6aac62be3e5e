/**
 * The binary decoder's paths (one-pass word copy with 0, 1, 2 or more extra fields; block
 * realignment of unaligned bodies; DataView x y z for records that are not whole words; the
 * per-field fallback) against a reference that reads the record bytes field by field.
 * Records are random bits, NaN and ±Infinity included, so every bit must survive.
 */
import { describe, expect, it } from 'vitest';
import type { PcdCloud } from '../../../../src/domain/pcd/PcdCloud.ts';
import { PcdStreamParser } from '../../../../src/domain/pcd/PcdStreamParser.ts';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import { concatBytes, makePcdHeader, sameBytes } from '../../../helpers/makePcd.ts';

interface Layout {
  name: string;
  fields: string[];
  sizes: number[];
  types: string[];
  counts: number[];
}

const L = (name: string, spec: string): Layout => {
  // "x:F4 y:F4 normal:F4x3" → fields, types, sizes, counts
  const parts = spec.split(' ').map((p) => /^(\w+):([FIUB])(\d)(?:x(\d+))?$/.exec(p) as RegExpExecArray);
  return {
    name,
    fields: parts.map((m) => m[1]),
    types: parts.map((m) => m[2]),
    sizes: parts.map((m) => Number(m[3])),
    counts: parts.map((m) => Number(m[4] ?? 1)),
  };
};

const LAYOUTS: Layout[] = [
  L('x y z only (no extra word)', 'x:F4 y:F4 z:F4'),
  L('x y z intensity (one extra word)', 'x:F4 y:F4 z:F4 intensity:F4'),
  L('x y z intensity t (two extra words)', 'x:F4 y:F4 z:F4 intensity:F4 t:U4'),
  L('PCL-style padding and more extra words than the loop takes', 'x:F4 y:F4 z:F4 _:F4 rgb:F4 label:U4 curvature:F4 ring:I4'),
  L('an extra word before x y z', 'intensity:F4 x:F4 y:F4 z:F4'),
  L('multi-element and 2-byte fields left to the per-field copy', 'x:F4 y:F4 z:F4 normal:F4x3 ring:U2 _:U1x2 flag:B1x4'),
  L('13-byte records (x y z read through a DataView)', 'x:F4 y:F4 z:F4 ring:U1'),
  L('18-byte records with a misaligned float', 'x:F4 y:F4 z:F4 ring:U2 t:F4'),
  L('x y z not back to back (per-field copy)', 'x:F4 intensity:F4 y:F4 z:F4'),
  L('F8 positions (per-field conversion)', 'x:F8 y:F8 z:F8 intensity:F4'),
];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Random records: mostly finite floats, with NaN payloads and infinities now and then. */
function randomBody(bytes: number, seed: number): Uint8Array {
  const r = rng(seed);
  const body = new Uint8Array(bytes);
  const view = new DataView(body.buffer);
  for (let o = 0; o + 4 <= bytes; o += 4) {
    const u = r();
    const kind = u % 40;
    const word = kind === 0 ? 0x7f800000 | (r() & 0x7fffff) : kind === 1 ? 0xff800000 : (u & 0xbfffffff) >>> 0;
    view.setUint32(o, word, true);
  }
  for (let o = bytes & ~3; o < bytes; o++) body[o] = r() & 0xff;
  return body;
}

interface Expected {
  positions: Float32Array;
  attributes: Record<string, Uint8Array>;
  nanCount: number;
}

/** Reads each field of each record on its own: raw bytes for attributes, float32 for positions. */
function reference(layout: Layout, body: Uint8Array, n: number): Expected {
  const step = layout.fields.reduce((s, _, i) => s + layout.sizes[i] * layout.counts[i], 0);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const positions = new Float32Array(n * 3);
  const posBits = new Uint32Array(positions.buffer);
  const attributes: Record<string, Uint8Array> = {};
  let offset = 0;
  layout.fields.forEach((name, f) => {
    const size = layout.sizes[f];
    const width = size * layout.counts[f];
    const axis = layout.counts[f] === 1 ? ['x', 'y', 'z'].indexOf(name) : -1;
    if (axis >= 0) {
      for (let i = 0; i < n; i++) {
        const at = i * step + offset;
        if (size === 4) posBits[i * 3 + axis] = view.getUint32(at, true);
        else positions[i * 3 + axis] = view.getFloat64(at, true);
      }
    } else if (name !== '_') {
      const out = new Uint8Array(n * width);
      for (let i = 0; i < n; i++) out.set(body.subarray(i * step + offset, i * step + offset + width), i * width);
      attributes[name] = out;
    }
    offset += width;
  });
  let nanCount = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(positions[i * 3]) || !Number.isFinite(positions[i * 3 + 1]) || !Number.isFinite(positions[i * 3 + 2])) nanCount++;
  }
  return { positions, attributes, nanCount };
}

function expectCloud(cloud: PcdCloud, want: Expected, what: string): void {
  expect(sameBytes(cloud.positions, want.positions), `${what}: positions`).toBe(true);
  expect(Object.keys(cloud.attributes).sort(), what).toEqual(Object.keys(want.attributes).sort());
  for (const [k, bytes] of Object.entries(want.attributes)) {
    const a = cloud.attributes[k];
    expect(sameBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), bytes), `${what}: ${k}`).toBe(true);
  }
  expect(cloud.nanCount, `${what}: nanCount`).toBe(want.nanCount);
  expect(cloud.isDense).toBe(want.nanCount === 0);
}

/** The file placed `shift` bytes into a fresh buffer, so the body starts at any alignment. */
function shifted(file: Uint8Array, shift: number): Uint8Array {
  const out = new Uint8Array(file.length + shift).subarray(shift);
  out.set(file);
  return out;
}

describe('binary records: every layout path gives the field-by-field result', () => {
  // 5,000 points of ≥ 13 bytes span several of the decoder's 64 KiB realignment blocks.
  const n = 5000;
  LAYOUTS.forEach((layout, li) => {
    it(`${layout.name}, body at every alignment, whole and streamed`, () => {
      const step = layout.fields.reduce((s, _, i) => s + layout.sizes[i] * layout.counts[i], 0);
      const header = makePcdHeader({ ...layout, data: 'binary', width: n });
      const body = randomBody(n * step, 100 + li);
      const want = reference(layout, body, n);
      expect(want.nanCount).toBeGreaterThan(0);
      // Header lengths differing by 0…3 bytes move the body across word alignments.
      for (let pad = 0; pad < 4; pad++) {
        const text = header.replace('# .PCD', `#${' '.repeat(pad)} .PCD`);
        const file = concatBytes(new Uint8Array(Buffer.from(text, 'latin1')), body);
        for (const shift of [0, 1, 2, 3]) expectCloud(parsePcd(shifted(file, shift)), want, `pad ${pad} shift ${shift}`);
        const parser = new PcdStreamParser();
        const sizes = [1, 7, 4093, 65536, 3, 100000];
        for (let p = 0, k = 0; p < file.length; k++) {
          const size = sizes[k % sizes.length];
          parser.push(file.subarray(p, p + size));
          p += size;
        }
        expectCloud(parser.end(), want, `pad ${pad} streamed`);
      }
    });
  });
});
