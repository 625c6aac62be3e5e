/**
 * A minimal PNG writer for the sample dataset's camera images: 8-bit RGB, no interlace, one IDAT.
 * The zlib stream comes from an injected `deflate` (node:zlib's `deflateSync` in the Node entry),
 * so this file stays free of Node APIs and its output is deterministic for a given deflate.
 */

/** Compresses bytes into a zlib stream (RFC 1950: header, deflate data, Adler-32), as PNG needs. */
export type ZlibDeflate = (raw: Uint8Array) => Uint8Array;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO 3309, polynomial 0xEDB88320) of `bytes`, as the PNG chunk trailer. */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length, false);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)), false);
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/**
 * Filters one scanline with PNG filter `type` (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth) into
 * `out` (same length as `row`); `prev` is the unfiltered previous row (zeros for the first).
 */
function filterRow(type: number, row: Uint8Array, prev: Uint8Array, bpp: number, out: Uint8Array): void {
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp] : 0;
    const b = prev[i];
    const c = i >= bpp ? prev[i - bpp] : 0;
    const pred = type === 0 ? 0 : type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : paeth(a, b, c);
    out[i] = (row[i] - pred) & 0xff;
  }
}

/** Sum of the filtered bytes read as signed values: the usual "smallest residual" heuristic. */
function residual(bytes: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < bytes.length; i++) s += bytes[i] < 128 ? bytes[i] : 256 - bytes[i];
  return s;
}

/**
 * Encodes an 8-bit RGB image as PNG bytes.
 *
 * @param rgb pixels row by row from the top-left, 3 bytes (R, G, B) each; length `3·width·height`
 * @param width image width in pixels (≥ 1)
 * @param height image height in pixels (≥ 1)
 * @param deflate zlib compressor for the filtered scanlines
 * @returns the complete file: signature, IHDR, one IDAT, IEND. Each row's filter is the one of the
 *   five PNG filters with the smallest sum of absolute residuals (first on ties), so the output is
 *   a pure function of the pixels and `deflate`.
 * @throws Error `sim/encodePng: ...` on a bad size or buffer length
 */
export function encodePng(rgb: Uint8Array, width: number, height: number, deflate: ZlibDeflate): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`sim/encodePng: size ${width}×${height} is not a positive integer size`);
  }
  if (rgb.length !== width * height * 3) {
    throw new Error(`sim/encodePng: rgb has ${rgb.length} bytes, expected ${width}×${height}×3 = ${width * height * 3}`);
  }
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  const zero = new Uint8Array(stride);
  const candidates = [0, 1, 2, 3, 4].map(() => new Uint8Array(stride));
  for (let y = 0; y < height; y++) {
    const row = rgb.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rgb.subarray((y - 1) * stride, y * stride) : zero;
    let best = 0;
    let bestScore = Infinity;
    for (let type = 0; type < 5; type++) {
      filterRow(type, row, prev, 3, candidates[type]);
      const score = residual(candidates[type]);
      if (score < bestScore) {
        bestScore = score;
        best = type;
      }
    }
    raw[y * (stride + 1)] = best;
    raw.set(candidates[best], y * (stride + 1) + 1);
  }
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width, false);
  dv.setUint32(4, height, false);
  ihdr.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, adaptive filters, no interlace
  const parts = [Uint8Array.from(SIGNATURE), chunk('IHDR', ihdr), chunk('IDAT', deflate(raw)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
