/**
 * The ascii decoder's inline number fast path and its fallback, on random tokens of every shape:
 * each value must equal Number(token) (rounded to float32 for F4 fields), the NaN point count must
 * match the stored positions, and chunked streaming must give the same cloud.
 */
import { describe, expect, it } from 'vitest';
import { PcdError } from '../../../../src/domain/pcd/PcdError.ts';
import { PcdStreamParser } from '../../../../src/domain/pcd/PcdStreamParser.ts';
import { fourDigits } from '../../../../src/domain/pcd/parseAsciiNumber.ts';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import { makePcd, sameBytes } from '../../../helpers/makePcd.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** A random number token as files write them, plus the odd forms strtod also reads. */
function randomToken(r: () => number): string {
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  const sign = r() < 0.4 ? '-' : r() < 0.05 ? '+' : '';
  const pick = r();
  if (pick < 0.45) return `${sign}${digits(1 + Math.floor(r() * 4))}.${digits(1 + Math.floor(r() * 9))}`;
  if (pick < 0.6) return `${sign}${digits(1 + Math.floor(r() * 6))}`;
  if (pick < 0.7) return `${sign}${digits(1)}.${digits(1 + Math.floor(r() * 8))}e${r() < 0.5 ? '-' : '+'}${digits(2)}`;
  if (pick < 0.78) return `${sign}${digits(14 + Math.floor(r() * 8))}.${digits(Math.floor(r() * 6))}`;
  if (pick < 0.84) return `${sign}0.${'0'.repeat(Math.floor(r() * 25))}${digits(1 + Math.floor(r() * 6))}`;
  if (pick < 0.88) return `${sign}.${digits(1 + Math.floor(r() * 5))}`;
  if (pick < 0.91) return `${sign}${digits(1 + Math.floor(r() * 3))}.`;
  const odd = ['nan', 'NaN', 'inf', '-inf', 'Infinity', '1e39', '-3.5e38', '4e-46', '0x1A', '1E5', '9007199254740993', '123456789012345678901234567890'];
  return odd[Math.floor(r() * odd.length)];
}

/** Number() as strtod reads it: inf/nan spelled the C way. */
function strtod(token: string): number {
  const lower = token.toLowerCase().replace(/^[+-]/, '');
  if (lower === 'nan') return NaN;
  if (lower === 'inf' || lower === 'infinity') return token.startsWith('-') ? -Infinity : Infinity;
  return Number(token);
}

const SEPARATORS = [' ', ' ', ' ', '  ', '\t', ' \t '];

describe('ascii numbers: random tokens against Number()', () => {
  it('F4 positions and an F8 attribute hold Number(token), nanCount matches, streaming agrees', () => {
    const r = rng(4242);
    const n = 3000;
    const rows: string[][] = [];
    for (let i = 0; i < n; i++) rows.push([randomToken(r), randomToken(r), randomToken(r), randomToken(r)]);
    const body = rows
      .map((row) => row.map((t, k) => (k ? SEPARATORS[Math.floor(r() * SEPARATORS.length)] : '') + t).join('') + (r() < 0.1 ? ' \r\n' : '\n'))
      .join('');
    const file = makePcd({ fields: ['x', 'y', 'z', 'v'], sizes: [4, 4, 4, 8], data: 'ascii', width: n, body });
    const cloud = parsePcd(file);

    const want = new Float32Array(n * 3);
    const wantV = new Float64Array(n);
    let nans = 0;
    rows.forEach((row, i) => {
      for (let a = 0; a < 3; a++) want[i * 3 + a] = strtod(row[a]);
      wantV[i] = strtod(row[3]);
      if (!Number.isFinite(want[i * 3]) || !Number.isFinite(want[i * 3 + 1]) || !Number.isFinite(want[i * 3 + 2])) nans++;
    });
    for (let j = 0; j < n * 3; j++) {
      if (!Object.is(cloud.positions[j], want[j])) throw new Error(`token "${rows[Math.floor(j / 3)][j % 3]}": ${cloud.positions[j]} ≠ ${want[j]}`);
    }
    const v = cloud.attributes.v as Float64Array;
    for (let i = 0; i < n; i++) {
      if (!Object.is(v[i], wantV[i])) throw new Error(`token "${rows[i][3]}": ${v[i]} ≠ ${wantV[i]}`);
    }
    expect(nans).toBeGreaterThan(10);
    expect(cloud.nanCount).toBe(nans);
    expect(cloud.isDense).toBe(false);

    for (const chunk of [1, 5, 64, 1000, 65536]) {
      const parser = new PcdStreamParser();
      for (let p = 0; p < file.length; p += chunk) parser.push(file.subarray(p, p + chunk));
      const streamed = parser.end();
      expect(sameBytes(streamed.positions, cloud.positions), `chunk ${chunk}`).toBe(true);
      expect(sameBytes(streamed.attributes.v, v), `chunk ${chunk}`).toBe(true);
      expect(streamed.nanCount).toBe(nans);
    }
  });

  it('a point counts once however many of its coordinates are not finite', () => {
    const rows = [
      ['nan', 'nan', 'nan'],
      ['1e39', '-inf', '0'],
      ['1', '2', '3'],
      ['0', '0', 'NaN'],
    ];
    const cloud = parsePcd(makePcd({ fields: ['x', 'y', 'z'], data: 'ascii', rows }));
    expect(cloud.nanCount).toBe(3);
    expect(Array.from(cloud.positions.subarray(3, 6))).toEqual([Infinity, -Infinity, 0]);
  });

  it('a dense file counts no NaN point', () => {
    const cloud = parsePcd(
      makePcd({
        fields: ['x', 'y', 'z'],
        data: 'ascii',
        rows: [
          ['1.5', '-2', '3e2'],
          ['3.4e38', '-0', '.25'],
        ],
      }),
    );
    expect(cloud.nanCount).toBe(0);
    expect(cloud.isDense).toBe(true);
  });
});

describe('fourDigits', () => {
  const word = (b: number[]): number => (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;

  it('reads every 4-digit string, first digit in the low byte', () => {
    for (let v = 0; v < 10000; v++) {
      const text = String(v).padStart(4, '0');
      const got = fourDigits(word([...text].map((ch) => ch.charCodeAt(0))));
      if (got !== v) throw new Error(`${text}: ${got}`);
    }
    expect(fourDigits(word([0x39, 0x38, 0x37, 0x36]))).toBe(9876);
  });

  it('is -1 when any byte is not a digit', () => {
    const bad = [0x00, 0x09, 0x0a, 0x20, 0x2b, 0x2d, 0x2e, 0x2f, 0x3a, 0x3f, 0x45, 0x65, 0xb0, 0xb9, 0xfa, 0xff];
    let checked = 0;
    for (let pos = 0; pos < 4; pos++) {
      for (const b of bad) {
        const bytes = [0x31, 0x32, 0x33, 0x34];
        bytes[pos] = b;
        expect(fourDigits(word(bytes)), `byte ${pos} = 0x${b.toString(16)}`).toBe(-1);
        checked++;
      }
    }
    expect(checked).toBe(64);
  });
});

describe('ascii errors from the line decoder', () => {
  const file = (body: string, width = 3): Uint8Array => makePcd({ fields: ['x', 'y', 'z'], data: 'ascii', width, body });

  function errorOf(f: () => unknown): PcdError {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(PcdError);
      return e as PcdError;
    }
    throw new Error('expected a PcdError');
  }

  it('surplus tokens are all counted, whole or streamed byte by byte', () => {
    const bytes = file('1 2 3\n4 5 6 7 8\t9 \n7 8 9\n');
    const bodyAt = bytes.length - '1 2 3\n4 5 6 7 8\t9 \n7 8 9\n'.length;
    const whole = errorOf(() => parsePcd(bytes));
    const parser = new PcdStreamParser();
    const streamed = errorOf(() => {
      for (let p = 0; p < bytes.length; p++) parser.push(bytes.subarray(p, p + 1));
    });
    for (const e of [whole, streamed]) {
      expect(e.code).toBe('ascii-token-count');
      expect([e.line, e.expected, e.actual, e.byteOffset]).toEqual([13, 3, 6, bodyAt + 6]);
    }
  });

  it('a bad token after plain ones names its line, token, field and file offset', () => {
    const body = '1 2 3\n4.5 -6 7x\n';
    const bytes = file(body, 2);
    const e = errorOf(() => parsePcd(bytes));
    expect(e.code).toBe('bad-ascii-token');
    expect([e.line, e.field, e.actual, e.byteOffset]).toEqual([13, 'z', '7x', bytes.length - body.length + 13]);
    expect(e.message).toContain('token 3 "7x" (field z)');
  });
});
