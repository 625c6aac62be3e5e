/**
 * Robustness: random mutations and truncations of small valid files must either parse or throw
 * PcdError, never a TypeError/RangeError; and the stream parser must agree with parsePcd.
 */
import { describe, expect, it } from 'vitest';
import { PcdError } from '../../../../src/domain/pcd/PcdError.ts';
import { PcdStreamParser } from '../../../../src/domain/pcd/PcdStreamParser.ts';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import { writePcd } from '../../../../src/domain/pcd/writePcd.ts';
import { makePcd, sameBytes, tinyPclFile } from '../../../helpers/makePcd.ts';

/** Seeded PRNG (mulberry32): the same 2,000 cases on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function baseFiles(): Uint8Array[] {
  const mixed = parsePcd(
    makePcd({
      fields: ['x', 'y', 'z', 'v', '_', 'ring', 't', 'rgb', 'big'],
      sizes: [4, 4, 4, 1, 2, 2, 8, 4, 8],
      types: ['F', 'F', 'F', 'I', 'U', 'U', 'F', 'F', 'I'],
      counts: [1, 1, 1, 2, 1, 1, 1, 1, 1],
      data: 'ascii',
      rows: Array.from({ length: 6 }, (_, i) => [i, -i, i ? i / 3 : 'nan', -i, i, 0, i, 1e9 + i, 1e-38 * i, -i * 1000]),
    }),
  );
  return [
    tinyPclFile('ascii'),
    tinyPclFile('binary').subarray(0, 400),
    tinyPclFile('binary_compressed').subarray(0, 300),
    writePcd(mixed, { encoding: 'ascii' }),
    writePcd(mixed, { encoding: 'binary' }),
    writePcd(mixed, { encoding: 'binary_compressed' }),
    makePcd({ fields: ['x', 'y', 'z'], data: 'binary_compressed', rows: [], width: 0 }),
  ];
}

const NUMBERS = ['-1', '0', '4294967296', '99999999999999999999', 'nan', '1073741824', '3.5', '', '2', '7', 'F', 'U', 'I', 'B', '8'];
const BYTES = [0x00, 0x0a, 0x0d, 0x20, 0x09, 0x23, 0x2d, 0x2e, 0x30, 0x31, 0x39, 0x65, 0x6e, 0x78, 0xff];

function mutate(base: Uint8Array, r: () => number): Uint8Array {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const at = () => Math.floor(r() * base.length);
  let out = base.slice();
  const ops = 1 + Math.floor(r() * 3);
  for (let k = 0; k < ops; k++) {
    switch (Math.floor(r() * 7)) {
      case 0:
        out = out.slice(0, at());
        break;
      case 1:
        if (out.length) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
        break;
      case 2: {
        const header = Math.max(1, Buffer.from(out).indexOf('DATA'));
        out[Math.floor(r() * header)] = pick(BYTES);
        break;
      }
      case 3: {
        const a = at();
        out = Uint8Array.from([...out.subarray(0, a), ...out.subarray(a + 1 + Math.floor(r() * 20))]);
        break;
      }
      case 4: {
        const a = at();
        const b = at();
        out = Uint8Array.from([...out.subarray(0, a), ...out.subarray(b, b + Math.floor(r() * 30)), ...out.subarray(a)]);
        break;
      }
      case 5: {
        const text = Buffer.from(out).toString('latin1');
        const header = text.slice(0, Math.max(0, text.indexOf('DATA')));
        const tokens = [...header.matchAll(/\b[0-9A-Z.]+\b/g)];
        if (tokens.length === 0) break;
        const m = pick(tokens);
        const replaced = text.slice(0, m.index) + pick(NUMBERS) + text.slice((m.index ?? 0) + m[0].length);
        out = new Uint8Array(Buffer.from(replaced, 'latin1'));
        break;
      }
      default: {
        // The compressed size words, if any.
        const data = Buffer.from(out).indexOf('binary_compressed\n');
        if (data >= 0) out[data + 18 + Math.floor(r() * 8)] = Math.floor(r() * 256);
        break;
      }
    }
  }
  return out;
}

type Outcome = { ok: true; cloud: ReturnType<typeof parsePcd> } | { ok: false; error: unknown };

function run(f: () => ReturnType<typeof parsePcd>): Outcome {
  try {
    return { ok: true, cloud: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

function streamed(bytes: Uint8Array, r: () => number): ReturnType<typeof parsePcd> {
  const parser = new PcdStreamParser();
  for (let p = 0; p < bytes.length;) {
    const n = 1 + Math.floor(r() * 64);
    parser.push(bytes.subarray(p, p + n));
    p += n;
  }
  return parser.end();
}

describe('fuzz: 2,000 mutated files', () => {
  it('throw only PcdError (or parse), and the stream parser agrees with parsePcd', () => {
    const r = rng(20240601);
    const bases = baseFiles();
    for (const b of bases) expect(parsePcd(b).count).toBeGreaterThanOrEqual(0);
    const stats = { parsed: 0, rejected: 0 };
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const bytes = mutate(bases[i % bases.length], r);
      const whole = run(() => parsePcd(bytes));
      if (!whole.ok) {
        if (!(whole.error instanceof PcdError)) throw new Error(`case ${i}: ${String(whole.error)}\n${Buffer.from(bytes).toString('latin1')}`);
        codes.add(whole.error.code);
      }
      const chunked = run(() => streamed(bytes, r));
      if (!chunked.ok && !(chunked.error instanceof PcdError)) throw new Error(`case ${i} (stream): ${String(chunked.error)}`);
      expect(chunked.ok, `case ${i}: parsePcd ${whole.ok ? 'parsed' : 'threw'} but the stream did not`).toBe(whole.ok);
      if (whole.ok && chunked.ok) {
        stats.parsed++;
        expect(sameBytes(chunked.cloud.positions, whole.cloud.positions), `case ${i}`).toBe(true);
        for (const k of Object.keys(whole.cloud.attributes)) {
          expect(sameBytes(chunked.cloud.attributes[k], whole.cloud.attributes[k]), `case ${i} ${k}`).toBe(true);
        }
      } else {
        stats.rejected++;
      }
    }
    // The mutations exercise both outcomes and many distinct failure kinds.
    expect(stats.parsed).toBeGreaterThan(100);
    expect(stats.rejected).toBeGreaterThan(500);
    expect(codes.size).toBeGreaterThanOrEqual(8);
  });
});
