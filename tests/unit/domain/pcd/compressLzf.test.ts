import { describe, expect, it } from 'vitest';
import { compressLzf } from '../../../../src/domain/pcd/compressLzf.ts';
import { decompressLzf } from '../../../../src/domain/pcd/decompressLzf.ts';
import { PCL_STREAM_HEX, TINY_ROWS, hexBytes } from '../../../helpers/makePcd.ts';

function roundTrip(input: Uint8Array): Uint8Array {
  const stream = compressLzf(input);
  expect(stream.length).toBeLessThanOrEqual(input.length + Math.ceil(input.length / 32));
  const back = decompressLzf(stream, input.length);
  expect(Buffer.from(back).equals(Buffer.from(input))).toBe(true);
  return stream;
}

/** Deterministic pseudo-random bytes (xorshift32). */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  return out;
}

describe('compressLzf', () => {
  it('reproduces PCL 1.13 byte for byte on the §3.2 planes', () => {
    const planes = new Float32Array(12);
    TINY_ROWS.forEach((row, i) => row.forEach((v, f) => (planes[f * 3 + i] = v)));
    const stream = compressLzf(new Uint8Array(planes.buffer));
    expect(Array.from(stream)).toEqual(Array.from(hexBytes(PCL_STREAM_HEX)));
  });

  it('returns an empty stream for empty input', () => {
    expect(compressLzf(new Uint8Array(0)).length).toBe(0);
  });

  it('round-trips tiny inputs of every length 1 … 70', () => {
    for (let n = 1; n <= 70; n++) roundTrip(noise(n, n));
  });

  it('compresses long runs far below their size (max-length matches)', () => {
    const zeros = new Uint8Array(100_000);
    const stream = roundTrip(zeros);
    expect(stream.length).toBeLessThan(100_000 / 80);
  });

  it('round-trips incompressible data with at most 1 extra control byte per 32 bytes', () => {
    const data = noise(50_000, 7);
    const stream = roundTrip(data);
    expect(stream.length).toBeLessThanOrEqual(data.length + Math.ceil(data.length / 32));
    expect(stream.length).toBeGreaterThan(data.length);
  });

  it('only references within 8192 bytes (repeats further away stay literal)', () => {
    const block = noise(9000, 3);
    const data = new Uint8Array(18_000);
    data.set(block, 0);
    data.set(block, 9000);
    const stream = roundTrip(data);
    expect(stream.length).toBeGreaterThan(18_000);
  });

  it('uses back-references for repeats within 8192 bytes', () => {
    const block = noise(4000, 5);
    const data = new Uint8Array(8000);
    data.set(block, 0);
    data.set(block, 4000);
    expect(roundTrip(data).length).toBeLessThan(4300);
  });

  it('round-trips structured float planes (a realistic PCD payload)', () => {
    const n = 20_000;
    const planes = new Float32Array(n * 4);
    for (let i = 0; i < n; i++) {
      planes[i] = Math.round(Math.sin(i / 50) * 1000) / 100;
      planes[n + i] = Math.round(Math.cos(i / 70) * 1000) / 100;
      planes[2 * n + i] = -1.5;
      planes[3 * n + i] = i % 256;
    }
    const stream = roundTrip(new Uint8Array(planes.buffer));
    expect(stream.length).toBeLessThan(planes.byteLength * 0.8);
  });
});
