import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPngSize } from '../../../src/domain/kitti/readPngSize.ts';
import { crc32, encodePng } from '../../../src/sim/encodePng.ts';
import { nodeDeflate } from '../../../src/sim/nodeDeflate.ts';

interface Chunk {
  type: string;
  data: Uint8Array;
  crc: number;
  crcOk: boolean;
}

function chunksOf(png: Uint8Array): Chunk[] {
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const len = dv.getUint32(at, false);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const crc = dv.getUint32(at + 8 + len, false);
    out.push({ type, data: png.subarray(at + 8, at + 8 + len), crc, crcOk: crc32(png.subarray(at + 4, at + 8 + len)) === crc });
    at += 12 + len;
  }
  return out;
}

/** Undoes the PNG filters of an 8-bit RGB image (the decoder's side, written from the spec). */
function unfilter(raw: Uint8Array, width: number, height: number): { rgb: Uint8Array; filters: number[] } {
  const stride = width * 3;
  const rgb = new Uint8Array(stride * height);
  const filters: number[] = [];
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)];
    filters.push(type);
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= 3 ? rgb[y * stride + i - 3] : 0;
      const b = y > 0 ? rgb[(y - 1) * stride + i] : 0;
      const c = i >= 3 && y > 0 ? rgb[(y - 1) * stride + i - 3] : 0;
      const p = a + b - c;
      const pr = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, pr][type];
      rgb[y * stride + i] = (x + pred) & 0xff;
    }
  }
  return { rgb, filters };
}

/** A test picture: flat bands, a horizontal and a vertical gradient, and a hashed noise block. */
function picture(width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  let h = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (y < height / 4) rgb.set([200, 220, 240], i);
      else if (y < height / 2) rgb.set([x * 3, 100, 255 - x * 2], i);
      else if (y < (3 * height) / 4) rgb.set([y * 4, y * 2, 50], i);
      else {
        h = (Math.imul(h, 1103515245) + 12345) >>> 0;
        rgb.set([h >>> 24, (h >>> 16) & 0xff, (h >>> 8) & 0xff], i);
      }
    }
  }
  return rgb;
}

describe('crc32', () => {
  it('gives the standard check values', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('encodePng', () => {
  const width = 64;
  const height = 40;
  const rgb = picture(width, height);
  const png = encodePng(rgb, width, height, nodeDeflate);

  it('writes the signature, IHDR (8-bit RGB, no interlace), one IDAT and IEND with valid CRCs', () => {
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks = chunksOf(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(Array.from(chunks[0].data)).toEqual([0, 0, 0, 64, 0, 0, 0, 40, 8, 2, 0, 0, 0]);
    expect(chunks[2].data.length).toBe(0);
    expect(readPngSize(png)).toEqual([64, 40]);
  });

  it('decodes back to the same pixels, choosing the filter per row', () => {
    const idat = chunksOf(png)[1].data;
    const raw = new Uint8Array(inflateSync(idat));
    expect(raw.length).toBe((width * 3 + 1) * height);
    const { rgb: back, filters } = unfilter(raw, width, height);
    expect(Buffer.from(back).equals(Buffer.from(rgb))).toBe(true);
    expect(filters.every((f) => f >= 0 && f <= 4)).toBe(true);
    // Flat bands and gradients make Up/Sub (or better) win over None in most rows.
    expect(new Set(filters).size).toBeGreaterThan(1);
    expect(filters.slice(1, 10).every((f) => f !== 0)).toBe(true);
  });

  it('is a pure function of the pixels and the deflate function', () => {
    expect(Buffer.from(encodePng(rgb, width, height, nodeDeflate)).equals(Buffer.from(png))).toBe(true);
    const fast = encodePng(rgb, width, height, (raw) => new Uint8Array(deflateSync(raw, { level: 1 })));
    expect(inflateSync(chunksOf(fast)[1].data).equals(inflateSync(chunksOf(png)[1].data))).toBe(true);
  });

  it('hands the deflate function exactly the filtered scanlines', () => {
    let seen: Uint8Array | null = null;
    encodePng(rgb, width, height, (raw) => {
      seen = raw;
      return new Uint8Array(deflateSync(raw));
    });
    expect(seen).not.toBeNull();
    expect(seen!.length).toBe(height * (width * 3 + 1));
  });

  it('rejects bad sizes and buffer lengths with a prefixed message', () => {
    expect(() => encodePng(new Uint8Array(0), 0, 1, nodeDeflate)).toThrow(/^sim\/encodePng: size 0×1/);
    expect(() => encodePng(new Uint8Array(5), 1, 2, nodeDeflate)).toThrow(/^sim\/encodePng: rgb has 5 bytes, expected 1×2×3 = 6/);
    expect(() => encodePng(new Uint8Array(3), 1.5, 2, nodeDeflate)).toThrow(/^sim\/encodePng:/);
  });
});
