import { describe, expect, it } from 'vitest';
import { parsePly } from '../../../../src/domain/ply/parsePly.ts';
import { PointFileError } from '../../../../src/domain/pointcloud/PointFileError.ts';
import { makePly, type PlyTestElement } from '../../../helpers/makePly.ts';

const FACE: PlyTestElement = { name: 'face', properties: [{ name: 'vertex_indices', list: ['uchar', 'int'] }], records: [[[0, 1, 2]], [[2, 1, 0, 1]]] };
const CAMERA: PlyTestElement = {
  name: 'camera',
  properties: [
    { name: 'view_px', type: 'float' },
    { name: 'note', list: ['ushort', 'double'] },
  ],
  records: [
    [1.5, [2, 3]],
    [2.5, []],
  ],
};

function vertices(): PlyTestElement {
  return {
    name: 'vertex',
    properties: [
      { name: 'x', type: 'float' },
      { name: 'y', type: 'float' },
      { name: 'z', type: 'double' },
      { name: 'intensity', type: 'ushort' },
      { name: 'ring', type: 'uchar' },
      { name: 'time', type: 'double' },
      { name: 'red', type: 'uchar' },
      { name: 'green', type: 'uchar' },
      { name: 'blue', type: 'uchar' },
      { name: 'label', type: 'int', typeName: 'int32' },
    ],
    records: [
      [1.5, -2.25, 0.125, 1000, 3, 0.000123, 255, 128, 0, -7],
      [10, 20, -1.75, 65535, 63, 0.1, 1, 2, 3, 123456],
      [-0.5, 0, 3.5, 0, 0, 0.2, 0, 0, 255, 0],
    ],
  };
}

function expectGolden(cloud: ReturnType<typeof parsePly>): void {
  expect(cloud.count).toBe(3);
  expect([...cloud.positions]).toEqual([1.5, -2.25, 0.125, 10, 20, -1.75, -0.5, 0, 3.5]);
  expect(cloud.attributes.intensity).toBeInstanceOf(Uint16Array);
  expect([...cloud.attributes.intensity]).toEqual([1000, 65535, 0]);
  expect(cloud.attributes.ring).toBeInstanceOf(Uint8Array);
  expect([...cloud.attributes.ring]).toEqual([3, 63, 0]);
  expect(cloud.attributes.time).toBeInstanceOf(Float64Array);
  expect([...cloud.attributes.time]).toEqual([0.000123, 0.1, 0.2]);
  expect(cloud.attributes.label).toBeInstanceOf(Int32Array);
  expect([...cloud.attributes.label]).toEqual([-7, 123456, 0]);
  expect([...cloud.attributes.rgb]).toEqual([0xff8000, 0x010203, 0x0000ff]);
  expect(cloud.nanCount).toBe(0);
}

describe('parsePly', () => {
  for (const format of ['ascii', 'binary_little_endian', 'binary_big_endian'] as const) {
    it(`reads ${format}: every vertex property kept in its type, elements before and after the vertices skipped`, () => {
      expectGolden(parsePly(makePly(format, [vertices()])));
      expectGolden(parsePly(makePly(format, [CAMERA, FACE, vertices(), FACE])));
    });
  }

  it('reads CRLF headers and bodies, and comments', () => {
    const cloud = parsePly(makePly('ascii', [vertices()], { eol: '\r\n', comments: ['made by a test', 'second'] }));
    expectGolden(cloud);
    expect(cloud.header.comments).toEqual(['made by a test', 'second']);
  });

  it('keeps NaN vertices in place and counts them; a missing axis reads 0 with a warning', () => {
    const el: PlyTestElement = {
      name: 'vertex',
      properties: [
        { name: 'x', type: 'float' },
        { name: 'y', type: 'float' },
      ],
      records: [
        [1, 2],
        [Number.NaN, 3],
      ],
    };
    const cloud = parsePly(makePly('binary_little_endian', [el]));
    expect(cloud.nanCount).toBe(1);
    expect([...cloud.positions].map((v) => (Number.isNaN(v) ? 'nan' : v))).toEqual([1, 2, 0, 'nan', 3, 0]);
    expect(cloud.warnings).toContain('vertex has no z property: that axis reads 0');
  });

  it('skips a list property inside the vertex records (with a warning)', () => {
    const el: PlyTestElement = {
      name: 'vertex',
      properties: [
        { name: 'x', type: 'float' },
        { name: 'extra', list: ['uchar', 'float'] },
        { name: 'y', type: 'float' },
        { name: 'z', type: 'float' },
      ],
      records: [
        [1, [9, 9], 2, 3],
        [4, [], 5, 6],
      ],
    };
    for (const format of ['ascii', 'binary_big_endian'] as const) {
      const cloud = parsePly(makePly(format, [el]));
      expect([...cloud.positions]).toEqual([1, 2, 3, 4, 5, 6]);
      expect(cloud.attributes.extra).toBeUndefined();
      expect(cloud.warnings).toContain('vertex property "extra" is a list: not kept as an attribute');
    }
  });

  it('reads an empty vertex element', () => {
    const cloud = parsePly(makePly('binary_little_endian', [{ ...vertices(), records: [] }]));
    expect(cloud.count).toBe(0);
    expect(cloud.positions.length).toBe(0);
  });
});
