import { describe, expect, it } from 'vitest';
import { KittiError } from '../../../../src/domain/kitti/KittiError.ts';
import { readVelodyneBin } from '../../../../src/domain/kitti/readVelodyneBin.ts';
import { readSampleBytes } from './kittiSamples.ts';

/** Builds .bin bytes from [x, y, z, r] records, little-endian float32. */
function makeBin(records: number[][]): ArrayBuffer {
  const buffer = new ArrayBuffer(records.length * 16);
  const dv = new DataView(buffer);
  records.forEach((r, i) => r.forEach((v, k) => dv.setFloat32(i * 16 + k * 4, v, true)));
  return buffer;
}

const RECORDS = [
  [1, 2, 3, 0.5],
  [-1.5, 0.25, 10, 1],
  [0, 0, 0, 0],
];

describe('readVelodyneBin', () => {
  it('splits x y z and reflectance from an ArrayBuffer', () => {
    const cloud = readVelodyneBin(makeBin(RECORDS));
    expect(cloud.count).toBe(3);
    expect(Array.from(cloud.positions)).toEqual([1, 2, 3, -1.5, 0.25, 10, 0, 0, 0]);
    expect(Object.keys(cloud.attributes)).toEqual(['intensity']);
    expect(Array.from(cloud.attributes.intensity)).toEqual([0.5, 1, 0]);
  });

  it('reads an unaligned Uint8Array view the same way', () => {
    const src = new Uint8Array(makeBin(RECORDS));
    const host = new Uint8Array(src.length + 3);
    host.set(src, 3);
    const cloud = readVelodyneBin(host.subarray(3));
    expect(Array.from(cloud.positions)).toEqual([1, 2, 3, -1.5, 0.25, 10, 0, 0, 0]);
    expect(Array.from(cloud.attributes.intensity)).toEqual([0.5, 1, 0]);
  });

  it('reads an aligned view at a non-zero offset and keeps NaN', () => {
    const host = new Uint8Array(16 + 32);
    host.set(
      new Uint8Array(
        makeBin([
          [NaN, 1, 2, 3],
          [4, 5, 6, 7],
        ]),
      ),
      16,
    );
    const cloud = readVelodyneBin(host.subarray(16));
    expect(cloud.count).toBe(2);
    expect(Number.isNaN(cloud.positions[0])).toBe(true);
    expect(Array.from(cloud.positions.subarray(1))).toEqual([1, 2, 4, 5, 6]);
  });

  it('gives an empty cloud for no bytes', () => {
    const cloud = readVelodyneBin(new ArrayBuffer(0));
    expect(cloud.count).toBe(0);
    expect(cloud.positions).toHaveLength(0);
  });

  it('rejects a size that is not a multiple of 16, naming size and trailing offset', () => {
    const bytes = new Uint8Array(16 * 2 + 5);
    try {
      readVelodyneBin(bytes, { fileName: '000009.bin' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KittiError);
      const err = e as KittiError;
      expect(err.message).toBe(
        'readVelodyneBin (000009.bin): size 37 bytes is not a multiple of 16 (x y z reflectance as float32); ' + '5 trailing bytes at byte offset 32',
      );
      expect(err.byteOffset).toBe(32);
      expect(err.fileName).toBe('000009.bin');
    }
    expect(() => readVelodyneBin(new ArrayBuffer(15))).toThrow(KittiError);
    expect(() => readVelodyneBin('abc' as unknown as Uint8Array)).toThrow(KittiError);
  });

  const counts: [string, number][] = [
    ['000000', 115384],
    ['000001', 120268],
    ['000002', 126891],
  ];
  for (const [frame, count] of counts) {
    it(`reads the real velodyne/${frame}.bin: ${count} points`, () => {
      const bytes = readSampleBytes('velodyne', `${frame}.bin`);
      const cloud = readVelodyneBin(bytes);
      expect(cloud.count).toBe(count);
      expect(cloud.positions).toHaveLength(count * 3);
      const intensity = cloud.attributes.intensity;
      expect(intensity).toHaveLength(count);
      expect(intensity[0]).toBe(new DataView(bytes.buffer, bytes.byteOffset).getFloat32(12, true));
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of intensity) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(1);
      // A 64-beam scan reaches tens of metres in x.
      let maxX = 0;
      for (let i = 0; i < count; i++) maxX = Math.max(maxX, cloud.positions[i * 3]);
      expect(maxX).toBeGreaterThan(30);
    });
  }
});
