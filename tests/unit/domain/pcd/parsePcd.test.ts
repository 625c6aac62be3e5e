import { describe, expect, it } from 'vitest';
import { PcdError } from '../../../../src/domain/pcd/PcdError.ts';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import type { MakePcdOptions } from '../../../helpers/makePcd.ts';
import { TINY_ROWS, compressedBody, concatBytes, encodePlanes, hexBytes, makePcd, tinyPclFile, values } from '../../../helpers/makePcd.ts';

const TINY: MakePcdOptions = { fields: ['x', 'y', 'z', 'intensity'], data: 'ascii', rows: TINY_ROWS };

function pcdError(f: () => unknown, code: string): PcdError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PcdError);
    expect((e as PcdError).code).toBe(code);
    return e as PcdError;
  }
  throw new Error(`expected PcdError ${code}`);
}

describe('parsePcd: the §3.2 files as PCL 1.13 wrote them', () => {
  it('ascii: 212 bytes', () => {
    const file = tinyPclFile('ascii');
    expect(file.length).toBe(212);
    const cloud = parsePcd(file);
    expect(Array.from(cloud.positions)).toEqual([1, 2, 3, -1.5, 0.25, 10, 0, 0, 0]);
    expect(values(cloud.attributes.intensity)).toEqual([0.5, 1, 0]);
  });

  it('binary: 4144 bytes, body at 180, 3916 trailing zeros ignored', () => {
    const file = tinyPclFile('binary');
    expect(file.length).toBe(4144);
    expect(Buffer.from(file.subarray(180, 196)).toString('hex')).toBe('0000803f000000400000404000000000'.slice(0, 24) + '0000003f');
    const cloud = parsePcd(file);
    expect(cloud.header.bodyOffset).toBe(180);
    expect(Array.from(cloud.positions)).toEqual([1, 2, 3, -1.5, 0.25, 10, 0, 0, 0]);
    expect(values(cloud.attributes.intensity)).toEqual([0.5, 1, 0]);
  });

  it('binary_compressed: 4096 bytes, body at 191, CS 36, US 48', () => {
    const file = tinyPclFile('binary_compressed');
    expect(file.length).toBe(4096);
    expect(Array.from(file.subarray(191, 199))).toEqual([0x24, 0, 0, 0, 0x30, 0, 0, 0]);
    const cloud = parsePcd(file);
    expect(cloud.header.bodyOffset).toBe(191);
    expect(Array.from(cloud.positions)).toEqual([1, 2, 3, -1.5, 0.25, 10, 0, 0, 0]);
    expect(values(cloud.attributes.intensity)).toEqual([0.5, 1, 0]);
  });

  it('accepts ArrayBuffer, unaligned Uint8Array views and DataView', () => {
    const file = tinyPclFile('binary');
    const shifted = new Uint8Array(file.length + 3);
    shifted.set(file, 3);
    const view = shifted.subarray(3);
    const copy = file.slice().buffer;
    for (const input of [copy, view, new DataView(shifted.buffer, 3)]) {
      expect(Array.from(parsePcd(input as ArrayBuffer).positions.subarray(3, 6))).toEqual([-1.5, 0.25, 10]);
    }
  });
});

describe('parsePcd: field types', () => {
  const typed: MakePcdOptions = {
    fields: ['x', 'y', 'z', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 't'],
    sizes: [4, 8, 2, 1, 1, 2, 4, 4, 8, 8, 1, 8],
    types: ['F', 'F', 'I', 'I', 'U', 'U', 'I', 'U', 'I', 'U', 'B', 'F'],
    counts: [1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 3],
    data: 'binary',
    rows: [
      [1.5, 2.25, -7, -128, 127, 255, 65535, -2147483647, 4294967295, -9007199254740993n, 18446744073709551615n, 1, 0.1, 0.2, 1e300],
      [-0.5, 1e-3, 300, 1, -1, 0, 0, 42, 7, 5n, 6n, 0, -1, -2, -3],
    ],
  };

  for (const data of ['binary', 'binary_compressed', 'ascii']) {
    it(`maps TYPE/SIZE to typed arrays and keeps COUNT (${data})`, () => {
      const cloud = parsePcd(makePcd({ ...typed, data }));
      const at = cloud.attributes;
      expect(Array.from(cloud.positions)).toEqual([1.5, 2.25, -7, -0.5, Math.fround(1e-3), 300]);
      expect(Object.keys(at)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 't']);
      expect(at.a).toBeInstanceOf(Int8Array);
      expect(values(at.a)).toEqual([-128, 127, 1, -1]);
      expect(at.b).toBeInstanceOf(Uint8Array);
      expect(values(at.b)).toEqual([255, 0]);
      expect(at.c).toBeInstanceOf(Uint16Array);
      expect(values(at.c)).toEqual([65535, 0]);
      expect(at.d).toBeInstanceOf(Int32Array);
      expect(values(at.d)).toEqual([-2147483647, 42]);
      expect(at.e).toBeInstanceOf(Uint32Array);
      expect(values(at.e)).toEqual([4294967295, 7]);
      expect(at.f).toBeInstanceOf(BigInt64Array);
      expect(values(at.f)).toEqual([-9007199254740993n, 5n]);
      expect(at.g).toBeInstanceOf(BigUint64Array);
      expect(values(at.g)).toEqual([18446744073709551615n, 6n]);
      expect(at.h).toBeInstanceOf(Uint8Array);
      expect(values(at.h)).toEqual([1, 0]);
      expect(at.t).toBeInstanceOf(Float64Array);
      expect(values(at.t)).toEqual([0.1, 0.2, 1e300, -1, -2, -3]);
    });
  }

  it('missing position axes read as 0 and are not attributes', () => {
    const cloud = parsePcd(
      makePcd({
        fields: ['x', 'intensity'],
        data: 'ascii',
        rows: [
          [5, 1],
          [6, 2],
        ],
      }),
    );
    expect(Array.from(cloud.positions)).toEqual([5, 0, 0, 6, 0, 0]);
    expect(Object.keys(cloud.attributes)).toEqual(['intensity']);
  });

  it('x with COUNT 2 stays an attribute (positions x = 0) with a warning', () => {
    const cloud = parsePcd(makePcd({ fields: ['x', 'y'], counts: [2, 1], data: 'ascii', rows: [[1, 2, 3]] }));
    expect(Array.from(cloud.positions)).toEqual([0, 3, 0]);
    expect(values(cloud.attributes.x)).toEqual([1, 2]);
    expect(cloud.header.warnings.join()).toContain('field x has COUNT 2');
  });

  it('ascii integer fields: nan stores 0, decimals truncate, big integers stay exact', () => {
    const cloud = parsePcd(
      makePcd({
        fields: ['x', 'i', 'u'],
        types: ['F', 'I', 'U'],
        sizes: [4, 4, 8],
        data: 'ascii',
        rows: [
          [1, 'nan', '18446744073709551615'],
          [2, '-3.7', '1e3'],
        ],
      }),
    );
    expect(values(cloud.attributes.i)).toEqual([0, -3]);
    expect(values(cloud.attributes.u)).toEqual([18446744073709551615n, 1000n]);
  });

  it('ascii numbers: exponents, signs, inf, hex and long mantissas match Number()', () => {
    const tokens = ['1e3', '-2.5E-3', '+7', '.5', '5.', 'inf', '-Infinity', '0x10', '3.14159265358979323846', '1e-30', '123456789012345678'];
    const cloud = parsePcd(makePcd({ fields: ['v'], types: ['F'], sizes: [8], data: 'ascii', rows: tokens.map((t) => [t]) }));
    expect(values(cloud.attributes.v)).toEqual([1000, -0.0025, 7, 0.5, 5, Infinity, -Infinity, 16, 3.141592653589793, 1e-30, 123456789012345678]);
  });
});

describe('parsePcd: colour (§1.9, §3.5)', () => {
  const vectors: [string, MakePcdOptions][] = [
    ['TYPE U ascii token 16744449', { fields: ['x', 'rgb'], types: ['F', 'U'], data: 'ascii', rows: [[0, '16744449']] }],
    ['TYPE F ascii token 2.34639707e-38 (float bits)', { fields: ['x', 'rgb'], data: 'ascii', rows: [[0, '2.34639707e-38']] }],
    ['TYPE U binary bytes 01 80 FF 00', { fields: ['x', 'rgb'], types: ['F', 'U'], data: 'binary', rows: [[0, 0x00ff8001]] }],
    ['TYPE F binary bytes 01 80 FF 00', { fields: ['x', 'rgb'], data: 'binary', bitFields: ['rgb'], rows: [[0, 0x00ff8001]] }],
    ['TYPE F binary_compressed', { fields: ['x', 'rgb'], data: 'binary_compressed', bitFields: ['rgb'], rows: [[0, 0x00ff8001]] }],
  ];
  for (const [name, o] of vectors) {
    it(`0x00FF8001 = R255 G128 B1: ${name}`, () => {
      const rgb = parsePcd(makePcd(o)).attributes.rgb as Uint32Array;
      expect(rgb).toBeInstanceOf(Uint32Array);
      expect(rgb[0]).toBe(0x00ff8001);
      expect([(rgb[0] >> 16) & 255, (rgb[0] >> 8) & 255, rgb[0] & 255]).toEqual([255, 128, 1]);
    });
  }

  it('binary file bytes for 0x00FF8001 are 01 80 FF 00', () => {
    const file = makePcd({ fields: ['rgb'], types: ['U'], data: 'binary', rows: [[0x00ff8001]] });
    expect(Array.from(file.subarray(file.length - 4))).toEqual(Array.from(hexBytes('01 80 ff 00')));
  });

  it('0xFFFFFFFF (a float NaN) survives in rgb and rgba, TYPE F and U, binary and compressed', () => {
    for (const data of ['binary', 'binary_compressed']) {
      for (const name of ['rgb', 'rgba']) {
        for (const type of ['F', 'U']) {
          const cloud = parsePcd(
            makePcd({
              fields: ['x', name],
              types: ['F', type],
              data,
              bitFields: [name],
              rows: [
                [1, 0xffffffff],
                [2, 0xff6c6d69],
              ],
            }),
          );
          expect(values(cloud.attributes[name])).toEqual([0xffffffff, 0xff6c6d69]);
        }
      }
    }
    const ascii = parsePcd(makePcd({ fields: ['rgba'], types: ['U'], data: 'ascii', rows: [['4294967295']] }));
    expect(ascii.attributes.rgba[0]).toBe(0xffffffff);
  });

  it('0xFF6C6D69 as a TYPE F ascii float (-3.1426589701582883e+38) reads back as those bits', () => {
    const cloud = parsePcd(makePcd({ fields: ['rgb'], data: 'ascii', rows: [['-3.1426589701582883e+38']] }));
    expect(cloud.attributes.rgb[0]).toBe(0xff6c6d69);
  });
});

describe('parsePcd: errors name the file, the place and the problem', () => {
  it('truncated binary body names expected bytes, offset and received bytes', () => {
    const file = makePcd({ ...TINY, data: 'binary', rows: TINY_ROWS }).subarray(0, 200);
    const e = pcdError(() => parsePcd(file, { fileName: 'scan.pcd' }), 'truncated');
    expect(e.message).toBe('parsePcd (scan.pcd): truncated body: expected 48 bytes (3 points × 16) from byte offset 180, got 20');
    expect([e.expected, e.actual]).toEqual([48, 20]);
  });

  it('uses thousands separators in big numbers', () => {
    const file = makePcd({ ...TINY, data: 'binary', rows: [], width: 90_000, points: 90_000, body: new Uint8Array(1000) });
    expect(pcdError(() => parsePcd(file), 'truncated').message).toContain('expected 1,440,000 bytes (90,000 points × 16) from byte offset 188, got 1,000');
  });

  it('a lying huge POINTS with a small body is truncated, not an allocation failure', () => {
    const file = makePcd({ ...TINY, data: 'binary', width: 1_000_000_000, points: 1_000_000_000 });
    pcdError(() => parsePcd(file), 'truncated');
    pcdError(() => parsePcd(makePcd({ ...TINY, width: 1_000_000_000, points: 1_000_000_000 })), 'truncated');
    pcdError(() => parsePcd(makePcd({ ...TINY, data: 'binary_compressed', width: 1_000_000_000, points: 1_000_000_000 })), 'truncated');
  });

  it('truncated ascii body counts the points found', () => {
    const e = pcdError(() => parsePcd(makePcd({ ...TINY, body: '1 2 3 0.5\n-1.5 0.25 10 1\n\n\n\n\n' })), 'truncated');
    expect(e.message).toContain('found 2 of 3 points');
    expect([e.expected, e.actual]).toEqual([3, 2]);
  });

  it('truncated compressed block', () => {
    const file = tinyPclFile('binary_compressed').subarray(0, 191 + 8 + 20);
    expect(pcdError(() => parsePcd(file), 'truncated').message).toContain('expected 8 + 36 bytes');
  });

  it('non-numeric ascii token names line, token and field', () => {
    const file = makePcd({ ...TINY, body: '1 2 3 0.5\n-1.5 0.25 abc 1\n0 0 0 0\n' });
    const e = pcdError(() => parsePcd(file, { fileName: 'a.pcd' }), 'bad-ascii-token');
    expect(e.message).toBe('parsePcd (a.pcd): line 13: token 3 "abc" (field z) is not a number');
    expect([e.line, e.field, e.actual]).toEqual([13, 'z', 'abc']);
    expect(e.byteOffset).toBe(Buffer.from(file).indexOf('abc'));
  });

  it('wrong ascii token count names the line and both counts', () => {
    const e = pcdError(() => parsePcd(makePcd({ ...TINY, body: '1 2 3 0.5\n-1.5 0.25 10\n0 0 0 0\n' })), 'ascii-token-count');
    expect(e.message).toContain('line 13: 3 tokens, expected 4 (x y z intensity)');
    pcdError(() => parsePcd(makePcd({ ...TINY, body: '1 2 3 0.5 9\n-1.5 0.25 10 1\n0 0 0 0\n' })), 'ascii-token-count');
  });

  it('bad LZF inside a file names the file byte offset', () => {
    const planes = encodePlanes({ ...TINY, data: 'binary_compressed' });
    const stream = hexBytes('00 41 20 ff');
    const body = concatBytes(Uint8Array.of(stream.length, 0, 0, 0, planes.length, 0, 0, 0), stream);
    const e = pcdError(() => parsePcd(makePcd({ ...TINY, data: 'binary_compressed', body })), 'bad-lzf');
    expect(e.byteOffset).toBe(191 + 8 + 2);
    expect(e.message).toContain('bad LZF stream at file byte 201');
    const short = compressedBody(planes, hexBytes('00 41'));
    pcdError(() => parsePcd(makePcd({ ...TINY, data: 'binary_compressed', body: short })), 'lzf-size-mismatch');
  });

  it('an uncompressed size that fits neither layout is compressed-size-mismatch', () => {
    const body = compressedBody(new Uint8Array(40));
    const e = pcdError(() => parsePcd(makePcd({ ...TINY, data: 'binary_compressed', body })), 'compressed-size-mismatch');
    expect([e.expected, e.actual]).toEqual([48, 40]);
  });

  it('missing DATA line and non-buffer input', () => {
    const e = pcdError(() => parsePcd(new Uint8Array(Buffer.from('FIELDS x\nPOINTS 1\n')), { fileName: 'x.pcd' }), 'missing-data-line');
    expect(e.message).toMatch(/^parsePcd \(x\.pcd\): /);
    pcdError(() => parsePcd('not bytes' as unknown as Uint8Array), 'bad-input');
    pcdError(() => parsePcd(null as unknown as Uint8Array), 'bad-input');
  });

  it('ignores ascii lines after POINTS points with a warning', () => {
    const cloud = parsePcd(makePcd({ ...TINY, body: '1 2 3 0.5\n-1.5 0.25 10 1\n0 0 0 0\n9 9 9 9\n' }));
    expect(cloud.count).toBe(3);
    expect(cloud.header.warnings).toEqual(['ignored data after the 3 declared points (from line 15)']);
  });

  it('accepts an ascii last line without LF', () => {
    expect(parsePcd(makePcd({ ...TINY, body: '1 2 3 0.5\n-1.5 0.25 10 1\n0 0 0 7' })).attributes.intensity[2]).toBe(7);
  });
});
