import { describe, expect, it } from 'vitest';
import type { AttributeArray, PointCloud } from '../../../../src/domain/types.ts';
import { PcdError } from '../../../../src/domain/pcd/PcdError.ts';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import { writePcd } from '../../../../src/domain/pcd/writePcd.ts';
import { TINY_ROWS, bytesOf, readPcdSample, sameBytes, tinyPclFile, values } from '../../../helpers/makePcd.ts';

const ENCODINGS = ['ascii', 'binary', 'binary_compressed'] as const;
const text = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

function tinyCloud(): PointCloud {
  return {
    count: 3,
    positions: Float32Array.from(TINY_ROWS.flatMap((r) => r.slice(0, 3))),
    attributes: { intensity: Float32Array.from(TINY_ROWS.map((r) => r[3])) },
  };
}

function mixedCloud(): PointCloud {
  const n = 5;
  return {
    count: n,
    positions: Float32Array.from({ length: n * 3 }, (_, i) => (i === 4 ? NaN : i * 1.1 - 7.3)),
    attributes: {
      i1: Int8Array.from([-128, -1, 0, 1, 127]),
      u1: Uint8Array.from([0, 1, 128, 254, 255]),
      i2: Int16Array.from([-32768, -2, 0, 2, 32767]),
      u2: Uint16Array.from([0, 3, 60000, 65534, 65535]),
      i4: Int32Array.from([-2147483648, -5, 0, 5, 2147483647]),
      u4: Uint32Array.from([0, 7, 3e9, 4294967294, 4294967295]),
      i8: BigInt64Array.from([-(2n ** 63n), -9n, 0n, 9007199254740993n, 2n ** 63n - 1n]),
      u8: BigUint64Array.from([0n, 1n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n]),
      f4: Float32Array.from([0.1, -1e-30, 3.4e38, NaN, -0]),
      f8: Float64Array.from([0.1, -1e-300, 1.7976931348623157e308, Math.PI, 1e21]),
      // COUNT 3 descriptor
      desc: Float32Array.from({ length: n * 3 }, (_, i) => Math.fround(i / 7)),
      rgb: Uint32Array.from([0x00ff8001, 0xffffffff, 0xff6c6d69, 0, 0x12345678]),
    },
  };
}

function expectSameCloud(a: PointCloud, b: PointCloud): void {
  expect(b.count).toBe(a.count);
  expect(sameBytes(b.positions, a.positions)).toBe(true);
  expect(Object.keys(b.attributes)).toEqual(Object.keys(a.attributes));
  for (const [k, v] of Object.entries(a.attributes)) {
    expect(b.attributes[k].constructor.name, k).toBe(v.constructor.name);
    expect(sameBytes(b.attributes[k], v), k).toBe(true);
  }
}

function badInput(f: () => unknown): PcdError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PcdError);
    expect((e as PcdError).code).toBe('bad-input');
    return e as PcdError;
  }
  throw new Error('expected bad-input');
}

describe('writePcd: byte-exact against PCL 1.13 (§3.2)', () => {
  it('ascii equals the 212-byte PCL file', () => {
    expect(text(writePcd(tinyCloud(), { encoding: 'ascii' }))).toBe(text(tinyPclFile('ascii')));
  });

  it('binary equals PCL file minus its 3916 zero padding bytes', () => {
    const ours = writePcd(tinyCloud(), { encoding: 'binary' });
    expect(ours.length).toBe(228);
    expect(bytesOf(ours)).toEqual(tinyPclFile('binary').subarray(0, 228));
  });

  it('binary_compressed equals PCL file (36-byte LZF stream) minus padding', () => {
    const ours = writePcd(tinyCloud(), { encoding: 'binary_compressed' });
    expect(ours.length).toBe(191 + 8 + 36);
    expect(bytesOf(ours)).toEqual(tinyPclFile('binary_compressed').subarray(0, 235));
  });

  it('re-writing PCL test/colored_cloud.pcd (binary, rgb U, 1 × 1000) reproduces the file byte for byte', () => {
    const file = readPcdSample('pcl_colored_cloud_xyzrgb_normals_binary.pcd');
    expect(sameBytes(writePcd(parsePcd(file), { encoding: 'binary' }), file)).toBe(true);
  });

  it('writes LF only, header keys in spec order, VERSION 0.7', () => {
    const head = text(writePcd(mixedCloud(), { encoding: 'ascii' }))
      .split('\n')
      .slice(0, 11);
    expect(head.map((l) => l.split(' ')[0])).toEqual(['#', 'VERSION', 'FIELDS', 'SIZE', 'TYPE', 'COUNT', 'WIDTH', 'HEIGHT', 'VIEWPOINT', 'POINTS', 'DATA']);
    expect(head[1]).toBe('VERSION 0.7');
    expect(head[2]).toBe('FIELDS x y z i1 u1 i2 u2 i4 u4 i8 u8 f4 f8 desc rgb');
    expect(head[3]).toBe('SIZE 4 4 4 1 1 2 2 4 4 8 8 4 8 4 4');
    expect(head[4]).toBe('TYPE F F F I U I U I U I U F F F U');
    expect(head[5]).toBe('COUNT 1 1 1 1 1 1 1 1 1 1 1 1 1 3 1');
    expect(text(writePcd(mixedCloud(), { encoding: 'binary' }))).not.toContain('\r');
  });
});

describe('writePcd → parsePcd round trips', () => {
  for (const encoding of ENCODINGS) {
    it(`mixed types I1…F8, 64-bit, COUNT 3, rgb and NaN are bit-exact (${encoding})`, () => {
      const cloud = mixedCloud();
      const back = parsePcd(writePcd(cloud, { encoding }));
      expectSameCloud(cloud, back);
      expect(back.nanCount).toBe(1);
    });

    it(`organized size and viewpoint survive (${encoding})`, () => {
      const cloud = mixedCloud();
      const back = parsePcd(writePcd({ ...cloud, count: 5 }, { encoding, width: 5, height: 1, viewpoint: [1, 2, 3, 0, 0, 1, 0] }));
      expect(back.viewpoint).toEqual([1, 2, 3, 0, 0, 1, 0]);
      const organized = parsePcd(writePcd(parsePcd(readPcdSample('pcl_milk_xyzrgba_binary_compressed.pcd')), { encoding }));
      expect([organized.width, organized.height, organized.count]).toEqual([13704, 1, 13704]);
    });

    it(`empty cloud (${encoding})`, () => {
      const empty: PointCloud = { count: 0, positions: new Float32Array(0), attributes: { intensity: new Float32Array(0) } };
      const back = parsePcd(writePcd(empty, { encoding }));
      expect(back.count).toBe(0);
      expect(back.attributes.intensity.length).toBe(0);
    });
  }

  it('the real organized NaN scene keeps width, height, viewpoint and rgba through every encoding', () => {
    const cloud = parsePcd(readPcdSample('pcl_table_scene_organized_nan_xyzrgba_binary_compressed.pcd'));
    for (const encoding of ENCODINGS) {
      const back = parsePcd(writePcd(cloud, { encoding }));
      expectSameCloud(cloud, back);
      expect([back.width, back.height, back.nanCount]).toEqual([640, 480, 97920]);
      expect(back.viewpoint).toEqual([0, 0, 0, 0, 1, 0, 0]);
    }
  });

  it('rgb given as Float32Array bits is written as U 4 and keeps 0xFFFFFFFF', () => {
    const bits = Uint32Array.from([0xffffffff, 0x00ff8001]);
    const cloud: PointCloud = { count: 2, positions: new Float32Array(6), attributes: { rgb: new Float32Array(bits.buffer) } };
    for (const encoding of ENCODINGS) {
      const file = writePcd(cloud, { encoding });
      expect(text(file)).toContain('TYPE F F F U\n');
      expect(values(parsePcd(file).attributes.rgb)).toEqual([0xffffffff, 0x00ff8001]);
    }
  });

  it('ascii uses the shortest exact text by default and `precision` digits when asked', () => {
    const cloud: PointCloud = { count: 1, positions: Float32Array.of(Math.PI, 0.1, -0), attributes: { d: Float64Array.of(Math.E) } };
    expect(text(writePcd(cloud, { encoding: 'ascii' })).endsWith('\n3.1415927 0.1 -0 2.718281828459045\n')).toBe(true);
    expect(text(writePcd(cloud, { encoding: 'ascii', precision: 3 })).endsWith('\n3.14 0.1 -0 2.72\n')).toBe(true);
    const nan: PointCloud = { count: 1, positions: Float32Array.of(NaN, Infinity, -Infinity), attributes: {} };
    expect(text(writePcd(nan, { encoding: 'ascii' })).endsWith('\nnan inf -inf\n')).toBe(true);
  });

  it('`fields` chooses and orders the attributes', () => {
    const cloud = mixedCloud();
    const back = parsePcd(writePcd(cloud, { encoding: 'binary', fields: ['rgb', 'i1'] }));
    expect(Object.keys(back.attributes)).toEqual(['rgb', 'i1']);
    expect(values(back.attributes.i1)).toEqual(values(cloud.attributes.i1 as AttributeArray));
  });
});

describe('writePcd: invalid input is a PcdError bad-input', () => {
  const cloud = tinyCloud();
  it('rejects inconsistent sizes and options', () => {
    expect(badInput(() => writePcd(cloud, { encoding: 'binary', width: 2, height: 2 })).message).toContain('WIDTH 2 × HEIGHT 2 does not equal count 3');
    badInput(() => writePcd({ ...cloud, positions: new Float32Array(8) }, { encoding: 'binary' }));
    badInput(() => writePcd({ ...cloud, count: -1 }, { encoding: 'binary' }));
    badInput(() => writePcd(cloud, { encoding: 'lzma' as 'binary' }));
    badInput(() => writePcd(cloud, { encoding: 'binary', viewpoint: [0, 0, 0] }));
    badInput(() => writePcd(cloud, { encoding: 'ascii', precision: 0 }));
    badInput(() => writePcd(cloud, { encoding: 'binary', fields: ['nope'] }));
    badInput(() => writePcd(cloud, { encoding: 'binary', fields: ['intensity', 'intensity'] }));
  });

  it('rejects attributes whose length is not a multiple of count, or not typed arrays', () => {
    const e = badInput(() => writePcd({ ...cloud, attributes: { a: new Float32Array(4) } }, { encoding: 'binary' }));
    expect(e.field).toBe('a');
    badInput(() => writePcd({ ...cloud, attributes: { a: new Float32Array(0) } }, { encoding: 'binary' }));
    badInput(() => writePcd({ ...cloud, attributes: { a: [1, 2, 3] as unknown as Float32Array } }, { encoding: 'binary' }));
  });

  it('rejects names that cannot be PCD fields', () => {
    for (const name of ['x', '_', 'a b', '#c', '', 'é']) {
      badInput(() => writePcd({ ...cloud, attributes: { [name]: new Float32Array(3) } }, { encoding: 'binary' }));
    }
  });
});
