import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PcdCloud } from '../../../../src/domain/pcd/PcdCloud.ts';
import { PcdError } from '../../../../src/domain/pcd/PcdError.ts';
import type { PcdBatch } from '../../../../src/domain/pcd/PcdStreamParser.ts';
import { PcdStreamParser } from '../../../../src/domain/pcd/PcdStreamParser.ts';
import { parsePcd } from '../../../../src/domain/pcd/parsePcd.ts';
import { writePcd } from '../../../../src/domain/pcd/writePcd.ts';
import { PCD_SAMPLES_DIR, TINY_ROWS, makePcd, readPcdSample, sameBytes, tinyPclFile } from '../../../helpers/makePcd.ts';

/** Deterministic chunk sizes (xorshift32) between 1 and `max`. */
function chunker(seed: number, max: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return 1 + ((s >>> 0) % max);
  };
}

function stream(bytes: Uint8Array, nextSize: () => number, batchPoints?: number): { cloud: PcdCloud; batches: PcdBatch[]; parser: PcdStreamParser } {
  const parser = new PcdStreamParser({ fileName: 'stream.pcd', batchPoints });
  const batches: PcdBatch[] = [];
  for (let p = 0; p < bytes.length;) {
    const n = nextSize();
    batches.push(...parser.push(bytes.subarray(p, p + n)));
    p += n;
  }
  return { cloud: parser.end(), batches, parser };
}

/**
 * The streamed cloud equals parsePcd's, and the batches tile it exactly (up to `untilEnd` points
 * that only end() can complete: an ascii last line without LF).
 */
function expectSameAsParsePcd(bytes: Uint8Array, cloud: PcdCloud, batches: PcdBatch[], untilEnd = 0): void {
  const whole = parsePcd(bytes);
  expect(cloud.count).toBe(whole.count);
  expect(sameBytes(cloud.positions, whole.positions)).toBe(true);
  expect(Object.keys(cloud.attributes)).toEqual(Object.keys(whole.attributes));
  for (const k of Object.keys(whole.attributes)) {
    expect(cloud.attributes[k].constructor).toBe(whole.attributes[k].constructor);
    expect(sameBytes(cloud.attributes[k], whole.attributes[k]), k).toBe(true);
  }
  expect([cloud.width, cloud.height, cloud.nanCount, cloud.isDense]).toEqual([whole.width, whole.height, whole.nanCount, whole.isDense]);
  expect(cloud.viewpoint).toEqual(whole.viewpoint);
  expect(cloud.header).toEqual(whole.header);
  let next = 0;
  for (const b of batches) {
    expect(b.start).toBe(next);
    expect(b.positions.length).toBe(b.count * 3);
    expect(sameBytes(b.positions, cloud.positions.subarray(b.start * 3, (b.start + b.count) * 3))).toBe(true);
    for (const [k, a] of Object.entries(b.attributes)) {
      const per = cloud.attributes[k].length / Math.max(cloud.count, 1);
      expect(sameBytes(a, cloud.attributes[k].subarray(b.start * per, (b.start + b.count) * per)), k).toBe(true);
    }
    next += b.count;
  }
  expect(next).toBe(cloud.count - untilEnd);
}

describe('PcdStreamParser on every real sample', () => {
  const files = readdirSync(PCD_SAMPLES_DIR).filter((f) => f.endsWith('.pcd'));
  it('finds the 7 sample files', () => {
    expect(files.length).toBe(7);
  });
  files.forEach((file, i) => {
    it(`${file}: random chunks give the parsePcd cloud`, () => {
      const bytes = readPcdSample(file);
      const { cloud, batches, parser } = stream(bytes, chunker(1000 + i, 40_000));
      expectSameAsParsePcd(bytes, cloud, batches);
      expect(parser.bytesReceived).toBe(bytes.length);
      expect(parser.pointsDone).toBe(cloud.count);
    });
  });

  it('small chunks (1 … 7 bytes) on an ascii sample', () => {
    const bytes = readPcdSample('pcl_bunny_normals_ascii.pcd');
    const { cloud, batches } = stream(bytes, chunker(9, 7));
    expectSameAsParsePcd(bytes, cloud, batches);
  });
});

describe('PcdStreamParser: one byte at a time', () => {
  const tiny = { fields: ['x', 'y', 'z', 'intensity'], rows: TINY_ROWS };
  for (const mode of ['ascii', 'binary', 'binary_compressed'] as const) {
    it(`§3.2 ${mode} file`, () => {
      const bytes = tinyPclFile(mode);
      const { cloud, batches } = stream(bytes, () => 1);
      expectSameAsParsePcd(bytes, cloud, batches);
      expect(batches.length).toBe(mode === 'binary_compressed' ? 1 : 3);
    });
  }

  it('CRLF ascii with comments, blank lines and a last line without LF', () => {
    const bytes = makePcd({ ...tiny, data: 'ascii', eol: '\r\n', body: '# not a comment in a body is an error\n' });
    expect(() => stream(bytes, () => 1)).toThrow(PcdError);
    const ok = makePcd({ ...tiny, data: 'ascii', eol: '\r\n', body: '\r\n1 2 3 0.5\r\n\r\n-1.5 0.25 10 1\r\n0 0 0 0' });
    const { cloud, batches } = stream(ok, () => 1);
    expectSameAsParsePcd(ok, cloud, batches, 1);
  });

  it('a real binary sample (colored cloud, 32 KB)', () => {
    const bytes = readPcdSample('pcl_colored_cloud_xyzrgb_normals_binary.pcd');
    const { cloud, batches } = stream(bytes, () => 1);
    expectSameAsParsePcd(bytes, cloud, batches);
    expect(batches.length).toBe(1000);
  });

  it('mixed types with COUNT > 1 in every encoding', () => {
    const cloud = parsePcd(
      makePcd({
        fields: ['v', 'x', 'y', 'z', 'ring', 't', 'rgb'],
        sizes: [1, 4, 4, 4, 2, 8, 4],
        types: ['I', 'F', 'F', 'F', 'U', 'F', 'U'],
        counts: [3, 1, 1, 1, 1, 1, 1],
        data: 'ascii',
        rows: Array.from({ length: 9 }, (_, i) => [-i, i, 2 * i, i + 0.5, i * 2, -i, i % 3 ? i / 3 : 'nan', 1e9 + i, 0xffffffff - i]),
      }),
    );
    for (const encoding of ['ascii', 'binary', 'binary_compressed'] as const) {
      const bytes = writePcd(cloud, { encoding });
      const { cloud: streamed, batches } = stream(bytes, () => 1);
      expectSameAsParsePcd(bytes, streamed, batches);
    }
  });
});

describe('PcdStreamParser: progress and errors', () => {
  it('reports the header once its DATA line is complete, and points as lines complete', () => {
    const bytes = tinyPclFile('ascii');
    const body = 179;
    const parser = new PcdStreamParser();
    expect(parser.push(bytes.subarray(0, body - 1))).toEqual([]);
    expect(parser.header).toBeNull();
    expect(parser.push(bytes.subarray(body - 1, body + 5))).toEqual([]);
    expect(parser.header?.bodyOffset).toBe(body);
    const [batch] = parser.push(bytes.subarray(body + 5, body + 15));
    expect(batch.start).toBe(0);
    expect(batch.count).toBe(1);
    expect(Array.from(batch.positions)).toEqual([1, 2, 3]);
    expect(Array.from(batch.attributes.intensity as Float32Array)).toEqual([0.5]);
    expect(parser.pointsDone).toBe(1);
    expect(parser.bytesReceived).toBe(body + 15);
  });

  it('splits big pushes into batches of at most batchPoints', () => {
    const bytes = readPcdSample('velodyne_hdl32_outdoor_xyzi_binary.pcd');
    const { batches } = stream(bytes, () => bytes.length, 10_000);
    expect(batches.map((b) => b.count)).toEqual([10000, 10000, 10000, 10000, 10000, 10000, 9088]);
  });

  it('end() on a short stream throws truncated; the parser then stays failed', () => {
    const parser = new PcdStreamParser({ fileName: 'cut.pcd' });
    parser.push(tinyPclFile('binary').subarray(0, 200));
    expect(() => parser.end()).toThrow(/^PcdStreamParser \(cut\.pcd\): truncated body: expected 48 bytes/);
    expect(() => parser.push(new Uint8Array(10))).toThrow(PcdError);
    const ascii = new PcdStreamParser();
    ascii.push(tinyPclFile('ascii').subarray(0, 179 + 10));
    expect(() => ascii.end()).toThrow(/found 1 of 3 points/);
    const compressed = new PcdStreamParser();
    compressed.push(tinyPclFile('binary_compressed').subarray(0, 195));
    expect(() => compressed.end()).toThrow(/size prefix/);
  });

  it('throws on a bad header as soon as the line arrives', () => {
    const parser = new PcdStreamParser();
    expect(() => parser.push(new Uint8Array(Buffer.from('FIELDS x\nTYPE Q\n')))).toThrow(PcdError);
  });

  it('throws on a bad ascii token in the chunk that completes its line', () => {
    const parser = new PcdStreamParser();
    const bytes = makePcd({ fields: ['x'], data: 'ascii', rows: [[1], ['oops'], [3]] });
    const cut = Buffer.from(bytes).indexOf('oops') + 2;
    parser.push(bytes.subarray(0, cut));
    expect(() => parser.push(bytes.subarray(cut))).toThrow(/line 13: token 1 "oops"/);
  });

  it('end() returns the same cloud twice; push() after end() is bad-input', () => {
    const parser = new PcdStreamParser();
    parser.push(tinyPclFile('binary'));
    const cloud = parser.end();
    expect(parser.end()).toBe(cloud);
    try {
      parser.push(new Uint8Array(1));
      expect.unreachable();
    } catch (e) {
      expect((e as PcdError).code).toBe('bad-input');
    }
  });

  it('a DATA line without LF at the end of the stream is accepted by end()', () => {
    const parser = new PcdStreamParser();
    expect(parser.push(new Uint8Array(Buffer.from('FIELDS x y z\nPOINTS 0\nDATA binary')))).toEqual([]);
    expect(parser.header).toBeNull();
    expect(parser.end().count).toBe(0);
  });

  it('pending() returns, once, the point that only end() completes (ascii last line without LF)', () => {
    const text = 'FIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1 1\nWIDTH 3\nPOINTS 3\nDATA ascii\n1 2 3\n4 5 6\n7 8 9';
    const parser = new PcdStreamParser();
    const pushed = parser.push(new Uint8Array(Buffer.from(text)));
    expect(pushed.reduce((n, b) => n + b.count, 0)).toBe(2);
    expect(parser.end().count).toBe(3);
    const rest = parser.pending();
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatchObject({ start: 2, count: 1 });
    expect([...rest[0].positions]).toEqual([7, 8, 9]);
    expect(parser.pending()).toEqual([]);
  });

  it('an empty stream is missing-data-line', () => {
    expect(() => new PcdStreamParser().end()).toThrow(/input is empty/);
  });

  it('binary_compressed yields nothing until the whole block is in, then every point', () => {
    const bytes = readPcdSample('pcl_milk_xyzrgba_binary_compressed.pcd');
    const blockEnd = 194 + 8 + new DataView(bytes.buffer, bytes.byteOffset + 194).getUint32(0, true);
    expect(blockEnd).toBe(194 + 8 + 141983);
    const parser = new PcdStreamParser();
    expect(parser.push(bytes.subarray(0, blockEnd - 1))).toEqual([]);
    expect(parser.pointsDone).toBe(0);
    const batches = parser.push(bytes.subarray(blockEnd - 1));
    expect(batches.reduce((n, b) => n + b.count, 0)).toBe(13704);
  });
});
