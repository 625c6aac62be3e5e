/**
 * The malformed-file corpus of the PLY and LAS/LAZ readers: every broken input is refused with a
 * PointFileError whose message names the file and the field, line or byte offset.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLas } from '../../../src/domain/las/parseLas.ts';
import { parsePly } from '../../../src/domain/ply/parsePly.ts';
import { PointFileError } from '../../../src/domain/pointcloud/PointFileError.ts';
import { loadLazBackend } from '../../../src/server/dataset/loadLazBackend.ts';
import { makeLas } from '../../helpers/makeLas.ts';
import { makePly } from '../../helpers/makePly.ts';

function refusal(run: () => unknown): PointFileError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(PointFileError);
    return e as PointFileError;
  }
  throw new Error('expected a PointFileError, nothing was thrown');
}

const text = (s: string) => new TextEncoder().encode(s);
const VERTEX = {
  name: 'vertex',
  properties: [
    { name: 'x', type: 'float' as const },
    { name: 'y', type: 'float' as const },
    { name: 'z', type: 'float' as const },
  ],
  records: [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ],
};

describe('malformed PLY files', () => {
  const ply = (bytes: Uint8Array) => refusal(() => parsePly(bytes, { fileName: 'bad.ply' }));
  const cases: [string, Uint8Array, Partial<PointFileError>, RegExp][] = [
    ['not a PLY file', text('PCD\nformat ascii 1.0\nend_header\n'), { code: 'bad-signature' }, /^parsePly \(bad\.ply\): not a PLY file/],
    [
      'an unknown format',
      text('ply\nformat binary_middle_endian 1.0\nelement vertex 1\nproperty float x\nend_header\n'),
      { code: 'bad-header', line: 2, field: 'format' },
      /header line 2: unknown format "binary_middle_endian"/,
    ],
    [
      'an unknown property type',
      text('ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float16 y\nend_header\n1 2\n'),
      { code: 'unknown-type', line: 5, field: 'y' },
      /header line 5: element vertex, property y: unknown type "float16"/,
    ],
    [
      'a list counted by a float',
      text('ply\nformat ascii 1.0\nelement face 1\nproperty list float int idx\nend_header\n'),
      { code: 'unknown-type', line: 4, field: 'idx' },
      /a list count of type float/,
    ],
    [
      'no end_header',
      text('ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\n1\n'),
      { code: 'bad-header', field: 'end_header' },
      /no end_header line/,
    ],
    [
      'a bad element count',
      text('ply\nformat ascii 1.0\nelement vertex three\nproperty float x\nend_header\n'),
      { code: 'bad-header', line: 3 },
      /count "three" is not a non-negative integer/,
    ],
    [
      'a property before any element',
      text('ply\nformat ascii 1.0\nproperty float x\nend_header\n'),
      { code: 'bad-header', line: 3 },
      /a property before any element line/,
    ],
    [
      'a property declared twice',
      text('ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float x\nend_header\n1 1\n'),
      { code: 'bad-header', field: 'x' },
      /declares property "x" twice/,
    ],
    [
      'no vertex element',
      text('ply\nformat ascii 1.0\nelement face 0\nproperty list uchar int idx\nend_header\n'),
      { code: 'bad-header', field: 'element vertex' },
      /no "element vertex"/,
    ],
    ['no format line', text('ply\nelement vertex 0\nproperty float x\nend_header\n'), { code: 'bad-header', field: 'format' }, /no format line/],
    [
      'an ascii token that is not a number',
      text('ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\nend_header\n1 2\n3 abc\n'),
      { code: 'bad-ascii', line: 8, field: 'y' },
      /line 8: element vertex record 1, property y: "abc" is not a number/,
    ],
    [
      'an ascii body that ends early',
      text('ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nend_header\n1 2\n3 4\n55555\n'),
      { code: 'truncated', field: 'y' },
      /element vertex ends at record 2 \(property y\)/,
    ],
  ];
  for (const [what, bytes, fields, message] of cases) {
    it(`refuses ${what}`, () => {
      const e = ply(bytes);
      expect(e).toMatchObject(fields);
      expect(e.message).toMatch(message);
      expect(e.message.startsWith('parsePly (bad.ply): ')).toBe(true);
    });
  }

  it('refuses a truncated binary body, naming the first incomplete vertex and its byte offset', () => {
    const whole = makePly('binary_little_endian', [VERTEX]);
    const e = ply(whole.subarray(0, whole.length - 5));
    expect(e.code).toBe('truncated');
    const bodyAt = whole.length - 36;
    expect(e.byteOffset).toBe(bodyAt + 24);
    expect(e.message).toMatch(
      new RegExp(
        `element vertex needs 36 bytes \\(3 × 12\\) from byte offset ${bodyAt}, the file has 31; vertex 2 is incomplete at byte offset ${bodyAt + 24}`,
      ),
    );
  });

  it('refuses a body whose element before the vertices (with lists) runs past the end', () => {
    const face = { name: 'face', properties: [{ name: 'idx', list: ['uchar', 'int'] as ['uchar', 'int'] }], records: [[[0, 1, 2]], [[200, 1, 2]]] };
    const bytes = makePly('binary_big_endian', [face, VERTEX]);
    // Make the second face's list claim 200 items: it runs past the file.
    const second = bytes.length - 36 - 13;
    bytes[second] = 200;
    const e = ply(bytes);
    expect(e.code).toBe('truncated');
    expect(e.message).toMatch(/element face \(2 records\) ends at record 1/);
  });
});

describe('malformed LAS files', () => {
  const good = () =>
    makeLas(
      [
        { x: 1, y: 2, z: 3 },
        { x: 4, y: 5, z: 6 },
      ],
      { format: 1 },
    );
  const las = (bytes: Uint8Array) => refusal(() => parseLas(bytes, { fileName: 'bad.las' }));
  const edit = (change: (dv: DataView, b: Uint8Array) => void): Uint8Array => {
    const b = good();
    change(new DataView(b.buffer), b);
    return b;
  };
  const cases: [string, Uint8Array, Partial<PointFileError>, RegExp][] = [
    ['not a LAS file', text('LASZ and more bytes'), { code: 'bad-signature', byteOffset: 0 }, /not a LAS file/],
    ['a header cut short', good().subarray(0, 100), { code: 'truncated' }, /the file has 100 bytes, a LAS header needs at least 227/],
    [
      'LAS 2.0',
      edit((_, b) => ((b[24] = 2), (b[25] = 0))),
      { code: 'bad-header', field: 'version', byteOffset: 24 },
      /version \(byte offset 24\): LAS 2\.0 is not LAS 1\.0–1\.4/,
    ],
    [
      'a header size too small for its version',
      edit((dv) => dv.setUint16(94, 100, true)),
      { field: 'header size', byteOffset: 94 },
      /100 bytes, LAS 1\.2 needs at least 227/,
    ],
    [
      'point data past the end',
      edit((dv) => dv.setUint32(96, 100000, true)),
      { code: 'truncated', field: 'offset to point data' },
      /100000 is past the end of the file/,
    ],
    ['point data inside the header', edit((dv) => dv.setUint32(96, 10, true)), { field: 'offset to point data' }, /10 is inside the 227-byte header/],
    [
      'point format 12',
      edit((_, b) => (b[104] = 12)),
      { code: 'unknown-type', field: 'point data format', byteOffset: 104 },
      /format 12 is not one of LAS's 0–10/,
    ],
    [
      'a record length shorter than the format',
      edit((dv) => dv.setUint16(105, 20, true)),
      { field: 'point data record length', byteOffset: 105 },
      /20 bytes, point format 1 needs at least 28/,
    ],
    ['a zero scale factor', edit((dv) => dv.setFloat64(147, 0, true)), { field: 'z scale factor', byteOffset: 147 }, /0 is not a finite non-zero number/],
    [
      'a VLR running into the points',
      edit((dv) => (dv.setUint32(100, 1, true), dv.setUint32(96, 227 + 54, true), dv.setUint16(227 + 20, 500, true))),
      { field: 'VLR 0 record length' },
      /500 bytes run past the start of the point data/,
    ],
    ['LAZ without a laszip VLR', edit((_, b) => (b[104] |= 0x80)), { field: 'point data format' }, /no laszip VLR/],
  ];
  for (const [what, bytes, fields, message] of cases) {
    it(`refuses ${what}`, () => {
      const e = las(bytes);
      expect(e).toMatchObject(fields);
      expect(e.message).toMatch(message);
      expect(e.message.startsWith('parseLas (bad.las): ')).toBe(true);
    });
  }

  it('refuses a truncated body, naming the first incomplete point and its byte offset', () => {
    const b = good();
    const e = las(b.subarray(0, b.length - 1));
    expect(e).toMatchObject({ code: 'truncated', byteOffset: 227 + 28, field: 'point data' });
    expect(e.message).toMatch(/2 points of 28 bytes need 56 bytes from byte offset 227, the file has 55; point 1 is incomplete at byte offset 255/);
  });
});

describe('malformed LAZ files (a published LAZ with its chunk table made to lie)', () => {
  const original = fs.readFileSync('tests/fixtures/laz/point-color-time.las.laz');
  const lazOf = async (change: (dv: DataView, b: Uint8Array, table: number) => Uint8Array | void) => {
    const b = new Uint8Array(original);
    const dv = new DataView(b.buffer);
    const table = Number(dv.getBigInt64(dv.getUint32(96, true), true));
    const changed = change(dv, b, table) ?? b;
    const laz = await loadLazBackend();
    return refusal(() => parseLas(changed, { fileName: 'bad.laz', laz }));
  };

  it('a chunk table offset past the end of the file', async () => {
    const e = await lazOf((dv) => dv.setBigInt64(dv.getUint32(96, true), 10n ** 9n, true));
    expect(e).toMatchObject({ code: 'bad-laz', field: 'chunk table offset' });
    expect(e.message).toMatch(/^parseLas \(bad\.laz\): chunk table offset \(byte offset 1313\): 1000000000 is outside the point data/);
  });

  it('a file cut short (its chunk table gone)', async () => {
    const e = await lazOf((_, b) => b.subarray(0, 9000));
    expect(e.message).toMatch(/chunk table offset \(byte offset 1313\): \d+ is outside the point data \(bytes 1321 to 8992\); the file may be truncated/);
  });

  it('a chunk count that disagrees with the points and the chunk size', async () => {
    const e = await lazOf((dv, _, table) => dv.setUint32(table + 4, 3, true));
    expect(e).toMatchObject({ code: 'bad-laz', field: 'chunk table number of chunks' });
    expect(e.message).toMatch(/3 chunks, but 1065 points in chunks of 50000 make 1/);
  });

  it('a chunk table of an unknown version', async () => {
    const e = await lazOf((dv, _, table) => dv.setUint32(table, 7, true));
    expect(e.message).toMatch(/chunk table version \(byte offset \d+\): 7, expected 0/);
  });

  it('a chunk table pointing into the middle of the points', async () => {
    const e = await lazOf((dv) => dv.setBigInt64(dv.getUint32(96, true), 5000n, true));
    expect(e.code).toBe('bad-laz');
    expect(e.message).toMatch(/chunk table (version|number of chunks|\(byte offset)/);
  });

  it('coded chunk sizes overwritten: still a PointFileError naming the table or the chunk', async () => {
    for (const fill of [0x00, 0x7f, 0xff]) {
      const e = await lazOf((_, b, table) => {
        b.fill(fill, table + 8);
      });
      expect(e.code).toBe('bad-laz');
      expect(e.message).toMatch(/chunk table|chunk 0/);
    }
  });
});
