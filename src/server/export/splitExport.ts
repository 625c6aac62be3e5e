import { fnv1a32, splitFrames } from './splitFrames.ts';
import type { SplitBy } from '../../domain/formats/SplitBy.ts';
import { plural } from '../../domain/checks/formatNumber.ts';

/** An exported frame, in dataset order (within a sequence, time order); `sequence` null when the dataset does not say. */
export interface SplitFrame {
  id: string;
  sequence: string | null;
}

export interface SplitResult {
  train: string[];
  val: string[];
  /** The split made (`auto` resolved). */
  by: Exclude<SplitBy, 'auto'>;
  /** One line for the report: how the frames were split, and why that way. */
  note: string;
}

const pct = (f: number): string => `${Math.round(f * 100)} %`;

/**
 * Splits exported frames into train and val so that val measures a model on data it has not
 * seen. Consecutive sweeps of one drive are near copies of each other: a split frame by frame puts
 * neighbours on both sides, and the validation figures come out too good.
 *
 * - `sequence`: whole sequences to one side, ranked by a hash of the seed and the sequence and
 *   taken into train while that brings its frame count closer to `fraction` (both sides get one
 *   when there are two or more). With fewer than two sequences it is `time` instead.
 * - `time`: each sequence's first `fraction` of frames (dataset order) to train, the rest to val:
 *   one boundary per sequence.
 * - `frame`: frame by frame, by `splitFrames` (a per-id hash): right for independent frames (the
 *   KITTI object benchmark's).
 * - `auto` (default): `sequence` with two or more sequences, `time` when every frame is of one
 *   known sequence (a drive with ego poses), else `frame`.
 */
export function splitExport(frames: readonly SplitFrame[], fraction: number, seed: string, by: SplitBy = 'auto'): SplitResult {
  if (frames.length < 2) {
    const { train, val } = splitFrames(
      frames.map((f) => f.id),
      fraction,
      seed,
    );
    const where = train.length === 1 ? 'train; val.txt is empty' : val.length === 1 ? 'val; train.txt is empty' : 'neither list';
    return { train, val, by: 'frame', note: frames.length === 0 ? 'no frame to split' : `one frame exported: it is in ${where}` };
  }
  const known = new Set<string>();
  for (const f of frames) if (f.sequence !== null) known.add(f.sequence);
  const allKnown = frames.length > 0 && frames.every((f) => f.sequence !== null);
  let chosen: Exclude<SplitBy, 'auto'>;
  if (by === 'auto') chosen = known.size >= 2 ? 'sequence' : known.size === 1 && allKnown ? 'time' : 'frame';
  else chosen = by === 'sequence' && known.size < 2 ? 'time' : by;
  if (chosen === 'frame') {
    const { train, val } = splitFrames(
      frames.map((f) => f.id),
      fraction,
      seed,
    );
    const why = by === 'frame' ? ' (--split-by frame)' : '; the frames carry no sequence: no poses.txt, oxts or nuScenes scenes';
    return { train, val, by: chosen, note: `split frame by frame, by a hash of the seed and the id: ${pct(fraction)} in train${why}` };
  }
  if (chosen === 'time') {
    const { train, val, sequences } = splitInTime(frames, fraction);
    const fell = by === 'sequence' ? ', as --split-by sequence needs two sequences' : '';
    const what = sequences === 1 ? 'the first' : "each sequence's first";
    return {
      train,
      val,
      by: chosen,
      note: `split in time${fell}: ${what} ${pct(fraction)} of frames in train, the rest in val (neighbouring sweeps are near copies)`,
    };
  }
  return splitBySequence(frames, fraction, seed);
}

function splitInTime(frames: readonly SplitFrame[], fraction: number): { train: string[]; val: string[]; sequences: number } {
  const groups = new Map<string, string[]>();
  for (const f of frames) {
    const key = f.sequence ?? '';
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [f.id]);
    else list.push(f.id);
  }
  const train: string[] = [];
  const val: string[] = [];
  for (const ids of groups.values()) {
    let n = Math.round(ids.length * fraction);
    if (groups.size === 1 && fraction > 0 && fraction < 1 && ids.length >= 2) n = Math.min(Math.max(n, 1), ids.length - 1);
    train.push(...ids.slice(0, n));
    val.push(...ids.slice(n));
  }
  return { train: train.sort(byId), val: val.sort(byId), sequences: groups.size };
}

function splitBySequence(frames: readonly SplitFrame[], fraction: number, seed: string): SplitResult {
  // Frames without a sequence (in a dataset where others have one) are each their own group.
  const groups = new Map<string, string[]>();
  for (const f of frames) {
    const key = f.sequence === null ? `\u0000frame ${f.id}` : f.sequence;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [f.id]);
    else list.push(f.id);
  }
  const ranked = [...groups.entries()]
    .map(([key, ids]) => ({ key, ids, h: fnv1a32(`${seed}\0${key}`) }))
    .sort((a, b) => a.h - b.h || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const target = frames.length * fraction;
  const inTrain = ranked.map(() => false);
  let count = 0;
  ranked.forEach((g, i) => {
    // Into train while that brings the count closer to the target (a big sequence may be skipped for smaller ones after it).
    if (count + g.ids.length / 2 <= target) {
      inTrain[i] = true;
      count += g.ids.length;
    }
  });
  if (fraction > 0 && fraction < 1 && ranked.length >= 2) {
    if (!inTrain.includes(true)) inTrain[0] = true;
    if (!inTrain.includes(false)) inTrain[inTrain.lastIndexOf(true)] = false;
  }
  const train = ranked.filter((_, i) => inTrain[i]).flatMap((g) => g.ids);
  const val = ranked.filter((_, i) => !inTrain[i]).flatMap((g) => g.ids);
  const sequencesIn = inTrain.filter(Boolean).length;
  return {
    train: train.sort(byId),
    val: val.sort(byId),
    by: 'sequence',
    note:
      `split by sequence: ${plural(sequencesIn, 'sequence')} in train (${plural(train.length, 'frame')}), ` +
      `${plural(ranked.length - sequencesIn, 'sequence')} in val (${plural(val.length, 'frame')}); no sequence on both sides`,
  };
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
