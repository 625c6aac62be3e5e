/**
 * FORMATS.md §1.12 (behaviour matrix) and §3.4 (edge-case files): every row, with the
 * "Our reader should" column as the expectation. Base data: the 3 points of §3.2.
 */
import { describe, expect, it } from 'vitest';
import { PcdError } from '../../../../src/domain/pcd/PcdError.ts';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import type { MakePcdOptions } from '../../../helpers/makePcd.ts';
import { TINY_ROWS, compressedBody, concatBytes, encodeBinaryRows, encodePlanes, makePcd, makePcdHeader, values } from '../../../helpers/makePcd.ts';

const TINY: MakePcdOptions = { fields: ['x', 'y', 'z', 'intensity'], data: 'ascii', rows: TINY_ROWS };
const POSITIONS = [1, 2, 3, -1.5, 0.25, 10, 0, 0, 0];
const INTENSITY = [0.5, 1, 0];
const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

/** A file with the header text transformed line by line. */
function withHeader(o: MakePcdOptions, edit: (line: string) => string): Uint8Array {
  const header = makePcdHeader(o)
    .split('\n')
    .map((l) => (l === '' ? l : edit(l)))
    .join('\n');
  return makePcd({ ...o, header });
}

function expectTiny(file: Uint8Array): void {
  const cloud = parsePcd(file);
  expect(cloud.count).toBe(3);
  expect(Array.from(cloud.positions)).toEqual(POSITIONS);
  expect(values(cloud.attributes.intensity)).toEqual(INTENSITY);
  expect(Object.keys(cloud.attributes)).toEqual(['intensity']);
  expect(cloud.nanCount).toBe(0);
}

describe('§1.12 edge cases that must parse to the §3.2 points', () => {
  const cases: [string, () => Uint8Array][] = [
    ['e01 CRLF everywhere, ascii', () => makePcd({ ...TINY, eol: '\r\n' })],
    ['e02 CRLF header, binary body', () => makePcd({ ...TINY, data: 'binary', eol: '\r\n' })],
    ['e03 lower-case keywords and data value', () => withHeader(TINY, (l) => (l.startsWith('#') ? l : l.toLowerCase()))],
    ['e04 DATA ASCII', () => makePcd({ ...TINY, data: 'ASCII' })],
    ['e05 tabs and double spaces in the ascii body', () => makePcd({ ...TINY, body: '1\t2\t3\t0.5\n-1.5  0.25 \t10  1\n\t0 0 0 0  \n' })],
    [
      'e06 trailing spaces on FIELDS/SIZE/TYPE/COUNT, binary',
      () => withHeader({ ...TINY, data: 'binary' }, (l) => (/^(FIELDS|SIZE|TYPE|COUNT)/.test(l) ? `${l} ` : l)),
    ],
    ['e07 no COUNT', () => makePcd({ ...TINY, counts: null })],
    ['e08 no POINTS (W × H)', () => makePcd({ ...TINY, points: null })],
    ['e09 no WIDTH/HEIGHT', () => makePcd({ ...TINY, width: null, height: null, points: 3 })],
    ['e16 TYPE before SIZE', () => makePcd({ ...TINY, header: 'FIELDS x y z intensity\nTYPE F F F F\nSIZE 4 4 4 4\nPOINTS 3\nDATA ascii\n' })],
    ['e17 WIDTH 3 # note', () => withHeader(TINY, (l) => (l.startsWith('WIDTH') ? `${l} # note` : l))],
    ['e18 comment line inside the header', () => withHeader(TINY, (l) => (l.startsWith('TYPE') ? `# a comment\n${l}\n  # another` : l))],
    ['e22 blank lines in the ascii body', () => makePcd({ ...TINY, body: '\n1 2 3 0.5\n\n  \n-1.5 0.25 10 1\r\n\n0 0 0 0\n\n' })],
    ['e24 leading spaces before keywords', () => withHeader({ ...TINY, data: 'binary' }, (l) => `  ${l}`)],
    [
      'e27 literal-only LZF with CS > US (CS 50, US 48)',
      () => {
        const file = makePcd({ ...TINY, data: 'binary_compressed' });
        expect(Array.from(file.subarray(191, 199))).toEqual([50, 0, 0, 0, 48, 0, 0, 0]);
        return file;
      },
    ],
    ['e28 no SIZE/TYPE, ascii', () => makePcd({ ...TINY, sizes: null, types: null })],
    ['e29 no SIZE/TYPE, binary (F4 defaults)', () => makePcd({ ...TINY, sizes: null, types: null, data: 'binary' })],
  ];
  for (const [name, build] of cases) {
    it(name, () => expectTiny(build()));
  }

  it('e01 CRLF on every line is really in the file', () => {
    const file = makePcd({ ...TINY, eol: '\r\n' });
    expect(Buffer.from(file).toString('latin1')).toContain('0.5\r\n-1.5');
  });
});

describe('§1.12 edge cases with their own expectations', () => {
  it('e10 COUNT 2 field before x y z (ascii and binary)', () => {
    const o: MakePcdOptions = {
      fields: ['v', 'x', 'y', 'z'],
      counts: [2, 1, 1, 1],
      data: 'ascii',
      rows: [
        [7, 8, 1, 2, 3],
        [9, 10, 4, 5, 6],
      ],
    };
    for (const data of ['ascii', 'binary', 'binary_compressed']) {
      const cloud = parsePcd(makePcd({ ...o, data }));
      expect(Array.from(cloud.positions)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(values(cloud.attributes.v)).toEqual([7, 8, 9, 10]);
    }
  });

  it('e12 _ padding in a binary record is skipped, whatever its bytes', () => {
    const o: MakePcdOptions = {
      fields: ['x', 'y', 'z', '_', 'intensity'],
      sizes: [4, 4, 4, 1, 4],
      types: ['F', 'F', 'F', 'U', 'F'],
      counts: [1, 1, 1, 4, 1],
      data: 'binary',
      rows: TINY_ROWS.map(([x, y, z, i]) => [x, y, z, 0xaa, 0xbb, 0xcc, 0xdd, i]),
    };
    const file = makePcd(o);
    expect(Buffer.from(file).includes(Buffer.from([0xaa, 0xbb, 0xcc, 0xdd]))).toBe(true);
    expectTiny(file);
    expect(parsePcd(makePcd({ ...o, data: 'ascii' })).attributes._).toBeUndefined();
  });

  it('e14 nan / NaN tokens give NaN points, kept in place and counted', () => {
    const cloud = parsePcd(
      makePcd({
        ...TINY,
        rows: [
          [1, 2, 3, 0.5],
          ['nan', 'nan', 'nan', 0],
          ['NaN', 'NaN', 'NaN', 1],
        ],
      }),
    );
    expect(cloud.count).toBe(3);
    expect(Array.from(cloud.positions.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(cloud.positions.subarray(3)).every(Number.isNaN)).toBe(true);
    expect(values(cloud.attributes.intensity)).toEqual([0.5, 0, 1]);
    expect(cloud.nanCount).toBe(2);
    expect(cloud.isDense).toBe(false);
  });

  it('e20 POINTS ≠ WIDTH × HEIGHT is an error', () => {
    try {
      parsePcd(makePcd({ ...TINY, points: 2 }), { fileName: 'e20.pcd' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PcdError);
      expect((e as PcdError).code).toBe('points-mismatch');
      expect((e as PcdError).message).toMatch(/^parsePcd \(e20\.pcd\): header line 10 \(POINTS\): POINTS 2 does not equal/);
    }
  });

  it('e23 organized 2 × 2 binary with NaN points 1 and 3', () => {
    const rows = [
      [1, 2, 3, 0.5],
      [NaN, NaN, NaN, 1],
      [4, 5, 6, 2],
      [NaN, NaN, NaN, 3],
    ];
    const cloud = parsePcd(makePcd({ ...TINY, rows, width: 2, height: 2, data: 'binary' }));
    expect([cloud.width, cloud.height, cloud.count]).toEqual([2, 2, 4]);
    expect(cloud.nanCount).toBe(2);
    expect(Array.from(cloud.positions.subarray(6, 9))).toEqual([4, 5, 6]);
    expect(Number.isNaN(cloud.positions[3]) && Number.isNaN(cloud.positions[11])).toBe(true);
    expect(values(cloud.attributes.intensity)).toEqual([0.5, 1, 2, 3]);
  });

  it('e26 binary_compressed storing the _ plane: the size rule picks the "with _" layout', () => {
    const o: MakePcdOptions = {
      fields: ['x', 'y', 'z', '_', 'intensity'],
      types: ['F', 'F', 'F', 'U', 'F'],
      data: 'binary_compressed',
      rows: TINY_ROWS.map(([x, y, z, i]) => [x, y, z, 0xdeadbeef, i]),
    };
    const planes = encodePlanes(o, true);
    expect(planes.length).toBe(60);
    expectTiny(makePcd({ ...o, body: compressedBody(planes) }));
    // The PCL layout (no _ plane, US = 48) reads the same.
    expectTiny(makePcd(o));
  });

  it('c25 empty binary_compressed cloud (WIDTH 0, POINTS 0, CS = US = 0)', () => {
    const cloud = parsePcd(makePcd({ ...TINY, rows: [], data: 'binary_compressed', body: new Uint8Array(8) }));
    expect(cloud.count).toBe(0);
    expect(cloud.positions.length).toBe(0);
    expect(cloud.attributes.intensity.length).toBe(0);
    expect(cloud.isDense).toBe(true);
  });

  it('empty clouds in ascii and binary parse too', () => {
    expect(parsePcd(makePcd({ ...TINY, rows: [] })).count).toBe(0);
    expect(parsePcd(makePcd({ ...TINY, rows: [], data: 'binary' })).count).toBe(0);
  });

  it('a CRLF header keeps the binary body aligned on the byte after LF', () => {
    const header = makePcdHeader({ ...TINY, data: 'binary', eol: '\r\n' });
    const file = concatBytes(latin1(header), encodeBinaryRows(TINY));
    expect(parsePcd(file).header.bodyOffset).toBe(header.length);
  });
});
