/**
 * Long LZF streams exercise decompressLzf's bulk loop (word over-copies, checks only on the
 * distance), which short vectors never reach. A byte-by-byte reference decoder written here is the
 * oracle: same bytes out, or the same error at the same token.
 */
import { describe, expect, it } from 'vitest';
import { PcdError } from '../../../../src/domain/pcd/PcdError.ts';
import { compressLzf } from '../../../../src/domain/pcd/compressLzf.ts';
import { decompressLzf } from '../../../../src/domain/pcd/decompressLzf.ts';

type Outcome = { out: Uint8Array } | { code: string; at: number | undefined };

/** FORMATS.md §1.8 read literally: one byte at a time. */
function referenceLzf(input: Uint8Array, outLength: number): Outcome {
  const out = new Uint8Array(outLength);
  let ip = 0;
  let op = 0;
  while (ip < input.length) {
    const at = ip;
    const ctrl = input[ip++];
    if (ctrl < 32) {
      if (ip + ctrl + 1 > input.length) return { code: 'bad-lzf', at };
      if (op + ctrl + 1 > outLength) return { code: 'lzf-size-mismatch', at };
      for (let k = 0; k <= ctrl; k++) out[op++] = input[ip++];
      continue;
    }
    let len = ctrl >> 5;
    if (len === 7) {
      if (ip >= input.length) return { code: 'bad-lzf', at };
      len += input[ip++];
    }
    if (ip >= input.length) return { code: 'bad-lzf', at };
    const dist = ((ctrl & 0x1f) << 8) + input[ip++] + 1;
    if (dist > op) return { code: 'bad-lzf', at };
    if (op + len + 2 > outLength) return { code: 'lzf-size-mismatch', at };
    for (let k = 0, ref = op - dist; k < len + 2; k++) out[op++] = out[ref++];
  }
  if (op !== outLength) return { code: 'lzf-size-mismatch', at: input.length };
  return { out };
}

function decode(input: Uint8Array, outLength: number): Outcome {
  try {
    return { out: decompressLzf(input, outLength) };
  } catch (e) {
    expect(e).toBeInstanceOf(PcdError);
    return { code: (e as PcdError).code, at: (e as PcdError).byteOffset };
  }
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

/** A valid stream of random tokens: literals of 1–32 bytes, references of every length and distance. */
function randomStream(r: () => number, tokens: number): { stream: Uint8Array; length: number } {
  const bytes: number[] = [];
  let op = 0;
  for (let t = 0; t < tokens; t++) {
    const kind = r() % 4;
    if (op === 0 || kind === 0) {
      const len = 1 + (r() % 32);
      bytes.push(len - 1);
      for (let k = 0; k < len; k++) bytes.push(r() & 0xff);
      op += len;
      continue;
    }
    // Short distances (run-length, overlapping word copies) and short lengths are the tricky ones.
    const dist = 1 + (kind === 1 ? r() % Math.min(op, 8) : r() % Math.min(op, 8192));
    const len = kind === 3 ? 3 + (r() % 262) : 3 + (r() % 8);
    const d = dist - 1;
    if (len - 2 < 7) bytes.push(((len - 2) << 5) | (d >> 8), d & 0xff);
    else bytes.push((7 << 5) | (d >> 8), len - 9, d & 0xff);
    op += len;
  }
  return { stream: Uint8Array.from(bytes), length: op };
}

describe('decompressLzf: long streams against a byte-by-byte decoder', () => {
  it('200 random valid streams of 2,000 tokens decode to the same bytes', () => {
    const r = rng(99);
    for (let i = 0; i < 200; i++) {
      const { stream, length } = randomStream(r, 2000);
      const got = decode(stream, length);
      const want = referenceLzf(stream, length);
      expect('out' in got && 'out' in want && Buffer.from(got.out).equals(Buffer.from(want.out)), `stream ${i}`).toBe(true);
    }
  });

  it('the same streams inside a larger buffer at odd offsets', () => {
    const r = rng(7);
    const { stream, length } = randomStream(r, 3000);
    const want = referenceLzf(stream, length);
    for (const shift of [1, 2, 3]) {
      const holder = new Uint8Array(stream.length + shift + 5).fill(0xee);
      holder.set(stream, shift);
      const got = decode(holder.subarray(shift, shift + stream.length), length);
      expect('out' in got && 'out' in want && Buffer.from(got.out).equals(Buffer.from(want.out))).toBe(true);
    }
  });

  it('corrupted long streams fail with the same code at the same token, or decode to the same bytes', () => {
    const r = rng(2024);
    const codes = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const { stream, length } = randomStream(r, 400);
      const bad = stream.slice(0, stream.length - (r() % 3 === 0 ? r() % 50 : 0));
      for (let k = 0, hits = 1 + (r() % 4); k < hits; k++) bad[r() % bad.length] = r() & 0xff;
      const outLength = r() % 2 === 0 ? length : length + (r() % 600) - 300;
      const want = referenceLzf(bad, Math.max(0, outLength));
      const got = decode(bad, Math.max(0, outLength));
      if ('out' in want) {
        expect('out' in got && Buffer.from(got.out).equals(Buffer.from(want.out)), `case ${i}`).toBe(true);
      } else {
        expect(got, `case ${i}`).toEqual(want);
        codes.add(want.code);
      }
    }
    expect([...codes].sort()).toEqual(['bad-lzf', 'lzf-size-mismatch']);
  });

  it('a reference before the output start far from the stream end names its token', () => {
    const lit = Array.from({ length: 32 }, (_, i) => i);
    const tail = Array.from({ length: 20 }, () => [31, ...lit]).flat();
    // 32 literal bytes, then a reference at distance 100 (token at input byte 33).
    const input = Uint8Array.from([31, ...lit, 0x20, 99, ...tail]);
    const e = (() => {
      try {
        decompressLzf(input, 32 + 3 + 640);
      } catch (err) {
        return err as PcdError;
      }
      throw new Error('expected a PcdError');
    })();
    expect(e.code).toBe('bad-lzf');
    expect(e.byteOffset).toBe(33);
    expect(e.message).toContain('back-reference distance 100 reaches before the start of the output (output position 32)');
  });

  it('round-trips compressLzf output of scan-like data', () => {
    const values = new Float32Array(50_000);
    for (let i = 0; i < values.length; i++) values[i] = Math.round(Math.sin(i / 50) * 4000) / 100;
    const raw = new Uint8Array(values.buffer);
    const packed = compressLzf(raw);
    expect(packed).not.toBeNull();
    expect(Buffer.from(decompressLzf(packed as Uint8Array, raw.length)).equals(Buffer.from(raw))).toBe(true);
  });
});
