import { describe, expect, it } from 'vitest';
import { readPngSize } from '../../../../src/domain/kitti/readPngSize.ts';
import { readSampleBytes } from './kittiSamples.ts';

describe('readPngSize', () => {
  it('reads the real image sizes (1224×370 for 000000, 1242×375 otherwise)', () => {
    expect(readPngSize(readSampleBytes('image_2', '000000.png'))).toEqual([1224, 370]);
    expect(readPngSize(readSampleBytes('image_2', '000001.png'))).toEqual([1242, 375]);
    expect(readPngSize(readSampleBytes('image_2', '000002.png'))).toEqual([1242, 375]);
  });

  it('needs only the first 24 bytes, also from an offset view', () => {
    const bytes = readSampleBytes('image_2', '000000.png');
    const copy = new Uint8Array(31);
    copy.set(bytes.subarray(0, 24), 7);
    expect(readPngSize(copy.subarray(7))).toEqual([1224, 370]);
  });

  it('returns null for anything that is not a PNG header', () => {
    const bytes = readSampleBytes('image_2', '000000.png').slice(0, 24);
    expect(readPngSize(bytes.subarray(0, 23))).toBeNull();
    expect(readPngSize(new Uint8Array(0))).toBeNull();
    const badSig = bytes.slice();
    badSig[1] = 0;
    expect(readPngSize(badSig)).toBeNull();
    const badChunk = bytes.slice();
    badChunk[12] = 0x69;
    expect(readPngSize(badChunk)).toBeNull();
    const zero = bytes.slice();
    zero.fill(0, 16, 20);
    expect(readPngSize(zero)).toBeNull();
    expect(readPngSize(null as unknown as Uint8Array)).toBeNull();
  });
});
