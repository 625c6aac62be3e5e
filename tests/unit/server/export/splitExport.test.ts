import { describe, expect, it } from 'vitest';
import { splitExport, type SplitFrame } from '../../../../src/server/export/splitExport.ts';

const drive = (seq: string | null, n: number, prefix = seq ?? 'f'): SplitFrame[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}_${String(i).padStart(3, '0')}`, sequence: seq }));

describe('splitExport', () => {
  it('keeps every sequence on one side, near the asked fraction of frames', () => {
    const frames = ['a', 'b', 'c', 'd', 'e'].flatMap((s) => drive(s, 20));
    const r = splitExport(frames, 0.8, 'cuboid');
    expect(r.by).toBe('sequence');
    const side = (id: string): string => (r.train.includes(id) ? 'train' : 'val');
    for (const s of ['a', 'b', 'c', 'd', 'e']) expect(new Set(drive(s, 20).map((f) => side(f.id))).size).toBe(1);
    expect(r.train).toHaveLength(80);
    expect(r.val).toHaveLength(20);
    expect(r.note).toBe('split by sequence: 4 sequences in train (80 frames), 1 sequence in val (20 frames); no sequence on both sides');
  });

  it('gives both sides a sequence, and is the same for the same seed', () => {
    const frames = [...drive('a', 50), ...drive('b', 3)];
    const r = splitExport(frames, 0.99, 's');
    expect(r.train.length).toBeGreaterThan(0);
    expect(r.val.length).toBeGreaterThan(0);
    expect(splitExport(frames, 0.99, 's')).toEqual(r);
  });

  it('splits one drive in time: its first frames to train, its last to val', () => {
    const r = splitExport(drive('', 10), 0.8, 'cuboid');
    expect(r.by).toBe('time');
    expect(r.val).toEqual(['_008', '_009']);
    expect(r.train).toHaveLength(8);
  });

  it('falls back from --split-by sequence to time with one sequence, and says so', () => {
    const r = splitExport(drive('0007', 5), 0.6, 'cuboid', 'sequence');
    expect(r.by).toBe('time');
    expect(r.val).toEqual(['0007_003', '0007_004']);
    expect(r.note).toMatch(/needs two sequences/);
  });

  it('splits each sequence in time with --split-by time', () => {
    const r = splitExport([...drive('a', 10), ...drive('b', 5)], 0.8, 'cuboid', 'time');
    expect(r.val).toEqual(['a_008', 'a_009', 'b_004']);
  });

  it('splits independent frames frame by frame, as before', () => {
    const frames = drive(null, 10);
    const r = splitExport(frames, 0.7, 'cuboid');
    expect(r.by).toBe('frame');
    expect(r.train).toHaveLength(7);
    expect(r.note).toMatch(/carry no sequence/);
    // Not simply the first ones: a hash decides.
    expect(r.val).not.toEqual(['f_007', 'f_008', 'f_009']);
  });

  it('says so when one frame leaves val empty', () => {
    const r = splitExport(drive('', 1), 0.8, 'cuboid');
    expect(r.train).toEqual(['_000']);
    expect(r.note).toBe('one frame exported: it is in train; val.txt is empty');
  });

  it('treats frames without a sequence beside sequences as groups of their own', () => {
    const r = splitExport([...drive('a', 6), ...drive('b', 6), ...drive(null, 3, 'x')], 0.5, 'cuboid');
    expect(r.by).toBe('sequence');
    expect(r.train.length + r.val.length).toBe(15);
    const a = drive('a', 6).map((f) => r.train.includes(f.id));
    expect(new Set(a).size).toBe(1);
  });
});
