import { describe, expect, it } from 'vitest';
import { PcdError } from '../../../../src/domain/pcd/PcdError.ts';
import { decompressLzf } from '../../../../src/domain/pcd/decompressLzf.ts';
import { PCL_STREAM_HEX, hexBytes } from '../../../helpers/makePcd.ts';

const hex = (u: Uint8Array): string => Buffer.from(u).toString('hex');

function expectPcdError(f: () => unknown, code: string): PcdError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PcdError);
    expect((e as PcdError).code).toBe(code);
    return e as PcdError;
  }
  throw new Error('expected a PcdError');
}

describe('decompressLzf: FORMATS.md §3.1 vectors', () => {
  it('V1 literal', () => {
    expect(hex(decompressLzf(hexBytes('00 41'), 1))).toBe('41');
  });

  it('V2 run-length through an overlapping reference', () => {
    expect(hex(decompressLzf(hexBytes('00 61 40 00'), 5))).toBe('6161616161');
  });

  it('V3 length-7 form with extra byte 0', () => {
    expect(Buffer.from(decompressLzf(hexBytes('02 61 62 63 e0 00 02'), 12)).toString('latin1')).toBe('abcabcabcabc');
  });

  it('V4 extra-length byte', () => {
    expect(hex(decompressLzf(hexBytes('00 78 e0 05 00'), 15))).toBe('78'.repeat(15));
  });

  it('V5 far offset (distance 300)', () => {
    const parts: number[] = [];
    for (let start = 0; start < 300; start += 32) {
      const len = Math.min(32, 300 - start);
      parts.push(len - 1);
      for (let i = start; i < start + len; i++) parts.push(i % 256);
    }
    expect(parts.filter((_, i) => i % 33 === 0).slice(0, 10)).toEqual([31, 31, 31, 31, 31, 31, 31, 31, 31, 11]);
    parts.push(0x21, 0x2b);
    const out = decompressLzf(Uint8Array.from(parts), 303);
    expect(Array.from(out.subarray(0, 300))).toEqual(Array.from({ length: 300 }, (_, i) => i % 256));
    expect(Array.from(out.subarray(300))).toEqual([0, 1, 2]);
  });

  it('V6 maximum literal run (32 bytes)', () => {
    const input = Uint8Array.from([0x1f, ...Array.from({ length: 32 }, (_, i) => i)]);
    expect(Array.from(decompressLzf(input, 32))).toEqual(Array.from({ length: 32 }, (_, i) => i));
  });

  it('V7 maximum match (264 bytes)', () => {
    expect(hex(decompressLzf(hexBytes('00 7a e0 ff 00'), 265))).toBe('7a'.repeat(265));
  });

  it('X1: a reference before the start of the output is bad-lzf at input byte 0', () => {
    const e = expectPcdError(() => decompressLzf(hexBytes('20 00'), 3), 'bad-lzf');
    expect(e.byteOffset).toBe(0);
    expect(e.message).toMatch(/^decompressLzf: bad LZF stream at input byte 0: back-reference distance 1/);
  });

  it('X2: a literal run that overruns the input is bad-lzf at input byte 0', () => {
    const e = expectPcdError(() => decompressLzf(hexBytes('05 41 42'), 6), 'bad-lzf');
    expect(e.byteOffset).toBe(0);
    expect(e.message).toContain('literal run of 6 bytes overruns the input');
  });

  it('X3: input ending before the offset byte is bad-lzf at the token (byte 2)', () => {
    const e = expectPcdError(() => decompressLzf(hexBytes('00 41 40'), 5), 'bad-lzf');
    expect(e.byteOffset).toBe(2);
    expect(e.message).toContain('before the offset byte');
  });

  it('input ending before the extra length byte is bad-lzf', () => {
    expect(expectPcdError(() => decompressLzf(hexBytes('00 41 e0'), 20), 'bad-lzf').byteOffset).toBe(2);
  });

  it('decodes the real 36-byte PCL stream to the §3.2 planes', () => {
    const out = decompressLzf(hexBytes(PCL_STREAM_HEX), 48);
    expect(Array.from(new Float32Array(out.buffer))).toEqual([1, -1.5, 0, 2, 0.25, 0, 3, 10, 0, 0.5, 1, 0]);
  });

  it('empty stream decodes to an empty array', () => {
    expect(decompressLzf(new Uint8Array(0), 0).length).toBe(0);
  });
});

describe('decompressLzf: size errors', () => {
  it('a stream shorter than declared is lzf-size-mismatch with both lengths', () => {
    const e = expectPcdError(() => decompressLzf(hexBytes('00 41'), 2), 'lzf-size-mismatch');
    expect(e.expected).toBe(2);
    expect(e.actual).toBe(1);
  });

  it('a token writing past the declared length is lzf-size-mismatch', () => {
    expect(expectPcdError(() => decompressLzf(hexBytes('01 41 42'), 1), 'lzf-size-mismatch').byteOffset).toBe(0);
    expect(expectPcdError(() => decompressLzf(hexBytes('00 61 40 00'), 3), 'lzf-size-mismatch').byteOffset).toBe(2);
  });

  it('refuses an output length the stream cannot reach, before allocating', () => {
    expectPcdError(() => decompressLzf(hexBytes('00 41'), 4_000_000_000), 'lzf-size-mismatch');
  });

  it('refuses a negative or fractional output length as bad-input', () => {
    expectPcdError(() => decompressLzf(new Uint8Array(0), -1), 'bad-input');
    expectPcdError(() => decompressLzf(new Uint8Array(0), 1.5), 'bad-input');
    expectPcdError(() => decompressLzf(new Uint8Array(0), Number.NaN), 'bad-input');
  });

  it('copies long references and literal runs in 4-byte steps correctly', () => {
    // 40 literal bytes, then a 40-byte reference at distance 40.
    const lit = Array.from({ length: 40 }, (_, i) => i + 1);
    const input = Uint8Array.from([31, ...lit.slice(0, 32), 7, ...lit.slice(32), 0xe0, 40 - 9, 39]);
    const out = decompressLzf(input, 80);
    expect(Array.from(out)).toEqual([...lit, ...lit]);
  });

  it('expands long distance-1 runs (fill path) and distance-2 runs', () => {
    expect(hex(decompressLzf(hexBytes('01 61 62 e0 28 00'), 2 + 49))).toBe('6162' + '62'.repeat(49));
    expect(hex(decompressLzf(hexBytes('01 61 62 e0 28 01'), 2 + 49))).toBe('6162'.repeat(25) + '61');
  });

  it('expands overlapping references byte by byte (distance 3, length 20)', () => {
    const input = Uint8Array.from([2, 1, 2, 3, 0xe0, 20 - 9, 2]);
    expect(Array.from(decompressLzf(input, 23))).toEqual(Array.from({ length: 23 }, (_, i) => (i % 3) + 1));
  });
});

describe('decompressLzf: random streams', () => {
  it('2,000 random inputs either decode or throw PcdError, and a reported decoded length is right', () => {
    let seed = 12345;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    let decoded = 0;
    for (let i = 0; i < 2000; i++) {
      const input = Uint8Array.from({ length: next() % 40 }, () => next() & 0xff);
      const outLength = next() % 300;
      try {
        expect(decompressLzf(input, outLength).length).toBe(outLength);
        decoded++;
      } catch (e) {
        expect(e).toBeInstanceOf(PcdError);
        // A stream that only ended at the wrong length decodes at the length it reports.
        const { code, actual } = e as PcdError;
        if (code === 'lzf-size-mismatch' && typeof actual === 'number') {
          expect(decompressLzf(input, actual).length).toBe(actual);
          decoded++;
        }
      }
    }
    expect(decoded).toBeGreaterThan(0);
  });
});
