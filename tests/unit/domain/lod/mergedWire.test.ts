import { describe, expect, it } from 'vitest';
import { encodeBatch, encodeDone, encodeHead, encodeProgress, MergedStreamDecoder } from '../../../../src/domain/lod/mergedWire.ts';
import type { WireMessage } from '../../../../src/domain/lod/mergedWire.ts';
import { concatBytes } from '../../../helpers/makePcd.ts';

const joined = (parts: Uint8Array[]): Uint8Array => concatBytes(...parts);

describe('the merged stream on the wire', () => {
  const positions = new Float32Array([1.234, -5.5, 0.25, 249.9, -120.003, 3.3, 0, 0, -1.75]);
  const time = new Float32Array([0, -25, 7]);
  const ranks = [0, 3, 300];
  const stream = joined([
    encodeHead({ offsets: [0, 1, -1], budget: 10 }),
    encodeProgress(1, 3),
    // Points 2, 0 (the order given), sent as the stream's points 5 and 6.
    encodeBatch(5, positions, time, (i) => ranks[i], new Uint32Array([2, 0, 1]), 0, 2),
    encodeBatch(7, positions, time, (i) => ranks[i], new Uint32Array([2, 0, 1]), 2, 3),
    encodeDone({ count: 3, sent: 3, coarse: 1, skipped: ['000007: velodyne/000007.bin: 7 bytes'], gatherMs: 1, orderMs: 2, firstBatchMs: 3, cached: false }),
  ]);

  const check = (messages: WireMessage[]): void => {
    expect(messages.map((m) => m.type)).toEqual(['head', 'progress', 'batch', 'batch', 'done']);
    const [head, progress, a, b, done] = messages;
    expect(head.type === 'head' && head.head).toEqual({ offsets: [0, 1, -1], budget: 10 });
    expect(progress.type === 'progress' && [progress.done, progress.total]).toEqual([1, 3]);
    if (a.type !== 'batch' || b.type !== 'batch' || done.type !== 'done') throw new Error('unexpected messages');
    expect(a.batch.start).toBe(5);
    expect(b.batch.start).toBe(7);
    // Quantised to the batch's largest coordinate ÷ 32767: within 4 mm at 250 m, 0.25 mm for a near batch.
    const expected = [
      [0, 0, -1.75, 7, 255],
      [1.234, -5.5, 0.25, 0, 0],
    ];
    expected.forEach(([x, y, z, t, r], k) => {
      expect(Math.abs(a.batch.positions[k * 3] - x)).toBeLessThan(3e-4);
      expect(Math.abs(a.batch.positions[k * 3 + 1] - y)).toBeLessThan(3e-4);
      expect(Math.abs(a.batch.positions[k * 3 + 2] - z)).toBeLessThan(3e-4);
      expect(a.batch.time[k]).toBe(t);
      expect(a.batch.rank[k]).toBe(r);
    });
    const far = [249.9, -120.003, 3.3];
    far.forEach((v, k) => expect(Math.abs(b.batch.positions[k] - v)).toBeLessThan(0.004));
    expect(b.batch.time[0]).toBe(-25);
    expect(b.batch.rank[0]).toBe(3);
    expect(done.done.skipped).toEqual(['000007: velodyne/000007.bin: 7 bytes']);
  };

  it('decodes what was encoded, whole', () => {
    const d = new MergedStreamDecoder();
    check(d.push(stream));
    expect(d.pending).toBe(0);
  });

  it('decodes the same from pieces of any size, as the network delivers them', () => {
    for (const size of [1, 3, 7, 64]) {
      const d = new MergedStreamDecoder();
      const out: WireMessage[] = [];
      for (let i = 0; i < stream.length; i += size) out.push(...d.push(stream.subarray(i, i + size)));
      check(out);
    }
  });

  it('keeps an unfinished message pending, and names the byte offset of a message that is not one', () => {
    const d = new MergedStreamDecoder();
    expect(d.push(stream.subarray(0, stream.length - 5)).map((m) => m.type)).toEqual(['head', 'progress', 'batch', 'batch']);
    expect(d.pending).toBeGreaterThan(0);
    const bad = joined([encodeProgress(1, 2), new Uint8Array([9, 0, 0, 0, 4, 0, 0, 0, 1, 2, 3, 4])]);
    expect(() => new MergedStreamDecoder().push(bad)).toThrow('merged stream: byte 16: not a message (type 9, length 4)');
  });
});
