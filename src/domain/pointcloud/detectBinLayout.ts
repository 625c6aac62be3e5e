import { BIN_LAYOUTS, BIN_LAYOUT_NAMES, layoutsFittingSize, type BinLayoutName } from './binLayouts.ts';
import { littleEndianFloats } from './decodeBinRecords.ts';
import { scoreBinLayout, type LayoutPlausibility } from './scoreBinLayout.ts';

/** Bytes of a file read for detection: the whole file, or a prefix of at least a few thousand records. */
export interface BinSample {
  fileName: string;
  /** Size of the whole file, bytes. */
  fileSize: number;
  /** The file's first bytes (or all of them). */
  bytes: Uint8Array;
}

export interface BinLayoutDetection {
  /** Layouts whose record size divides every sampled file's size, in table order. */
  fits: BinLayoutName[];
  /** The score of each fitting layout (mean over the samples), best first. */
  scores: LayoutPlausibility[];
  chosen: BinLayoutName;
  /**
   * False when the choice could be wrong: the best reading is implausible (under 90%) or a layout
   * of another record size scores within 0.15 of it.
   */
  confident: boolean;
  /** One ASCII sentence: which layouts fit, which was picked and why. */
  reason: string;
}

/** Ties (within 0.02) go to the first of these: KITTI, then the more specific meaning of a column. */
const PREFERENCE: readonly BinLayoutName[] = ['xyzi', 'xyzir', 'xyzirt', 'xyzit', 'xyz'];
const TIE = 0.02;
const PLAUSIBLE_SCORE = 0.9;
const MARGIN = 0.15;

/** Thrown when a file's size fits no layout; names the file and the trailing partial record. */
export class BinLayoutError extends Error {
  readonly fileName: string;
  readonly byteOffset: number;
  constructor(fileName: string, byteOffset: number, message: string) {
    super(message);
    this.name = 'BinLayoutError';
    this.fileName = fileName;
    this.byteOffset = byteOffset;
  }
}

/**
 * Decides the layout of raw float32 `.bin` files none of which says it: the layouts whose record
 * size divides every file size are candidates; each is scored on every sample (`scoreBinLayout`:
 * whole-number rings, non-negative intensities, coordinates within physical bounds, a sane z
 * spread) and the best mean wins. Samples of one sensor's files (a dataset) make one decision.
 *
 * @throws BinLayoutError when a file's size fits no layout (names the file, and the byte offset of
 *   the trailing partial record under the default 16-byte layout and the others)
 */
export function detectBinLayout(samples: readonly BinSample[]): BinLayoutDetection {
  if (samples.length === 0) throw new Error('detectBinLayout: no sample');
  let fits: BinLayoutName[] = [...BIN_LAYOUT_NAMES];
  for (const s of samples) {
    const own = layoutsFittingSize(s.fileSize);
    if (own.length === 0) throw noLayoutFits(s.fileName, s.fileSize);
    fits = fits.filter((n) => own.includes(n));
  }
  if (fits.length === 0) {
    throw new BinLayoutError(
      samples[0].fileName,
      0,
      `detectBinLayout: the sampled files fit no common point layout (${samples.map((s) => `${s.fileName} fits ${layoutsFittingSize(s.fileSize).join(', ')}`).join('; ')})`,
    );
  }
  const floats = samples.map((s) => littleEndianFloats(s.bytes.subarray(0, s.bytes.byteLength - (s.bytes.byteLength % 4))));
  const scores = fits.map((name) =>
    meanScore(
      name,
      floats.map((f) => scoreBinLayout(f, name)),
    ),
  );
  scores.sort((a, b) => b.score - a.score || PREFERENCE.indexOf(a.name) - PREFERENCE.indexOf(b.name));
  const best = scores[0].score;
  const chosen = PREFERENCE.find((n) => scores.some((s) => s.name === n && s.score >= best - TIE)) as BinLayoutName;
  const top = scores.find((s) => s.name === chosen) as LayoutPlausibility;
  const rival = scores.find((s) => BIN_LAYOUTS[s.name].bytes !== BIN_LAYOUTS[chosen].bytes);
  const confident = top.score >= PLAUSIBLE_SCORE && (rival === undefined || top.score - rival.score >= MARGIN);
  return { fits, scores, chosen, confident, reason: explain(fits, scores, top, confident, samples) };
}

/** The error for a size no layout divides: names the trailing bytes under each record size. */
export function noLayoutFits(fileName: string, size: number): BinLayoutError {
  const byBytes = [...new Set(BIN_LAYOUT_NAMES.map((n) => BIN_LAYOUTS[n].bytes))];
  const tails = byBytes.map((b) => `${size % b} trailing bytes at byte offset ${size - (size % b)} as ${b}-byte records`);
  const offset = size - (size % BIN_LAYOUTS.xyzi.bytes);
  return new BinLayoutError(
    fileName,
    offset,
    `${fileName}: size ${size} bytes fits no point layout (${byBytes.join(', ')} bytes per point): ${tails.join('; ')}`,
  );
}

function meanScore(name: BinLayoutName, per: LayoutPlausibility[]): LayoutPlausibility {
  if (per.length === 1) return per[0];
  const mean = (f: (p: LayoutPlausibility) => number) => per.reduce((s, p) => s + f(p), 0) / per.length;
  const failed = { ...per[0].failed };
  for (const key of Object.keys(failed) as (keyof typeof failed)[]) failed[key] = mean((p) => p.failed[key]);
  const attributeRange: Record<string, [number, number]> = {};
  for (const a of Object.keys(per[0].attributeRange)) {
    const lo = Math.min(...per.map((p) => p.attributeRange[a][0]).filter((v) => !Number.isNaN(v)));
    const hi = Math.max(...per.map((p) => p.attributeRange[a][1]).filter((v) => !Number.isNaN(v)));
    attributeRange[a] = lo <= hi ? [lo, hi] : [NaN, NaN];
  }
  return {
    name,
    score: mean((p) => p.score),
    records: per.reduce((s, p) => s + p.records, 0),
    failed,
    zSpreadSane: per.every((p) => p.zSpreadSane),
    attributeRange,
  };
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** "ring whole numbers 0-63, intensity 0-255" or "intensity out of range on 31%, ...". */
function describeScore(p: LayoutPlausibility, withName = true): string {
  const notes: string[] = [];
  const f = p.failed;
  const labels: [number, string][] = [
    [f.coordinate, 'coordinates non-finite or beyond 1000 m'],
    [f.intensity, 'intensity negative, non-finite or over 65535'],
    [f.ring, 'ring not a whole number 0-1023'],
    [f.time, 'time non-finite'],
    [f.range, 'beyond 300 m'],
    [f.elevation, 'steeper than 60 deg'],
  ];
  for (const [share, label] of labels) if (share >= 0.01) notes.push(`${label} on ${pct(share)}`);
  if (!p.zSpreadSane) notes.push('z spread as wide as the horizontal extent');
  if (notes.length === 0) {
    for (const [a, [lo, hi]] of Object.entries(p.attributeRange)) {
      if (!Number.isNaN(lo)) notes.push(`${a} ${fmt(lo)}-${fmt(hi)}${a === 'ring' ? ' whole numbers' : ''}`);
    }
  }
  return `${withName ? `${p.name} ` : ''}${pct(p.score)} plausible${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

function explain(fits: BinLayoutName[], scores: LayoutPlausibility[], top: LayoutPlausibility, confident: boolean, samples: readonly BinSample[]): string {
  const files = samples.length === 1 ? `size ${samples[0].fileSize} B` : `the sizes of ${samples.length} sampled files`;
  const fitText =
    fits.length === 1
      ? `fits only ${fits[0]} (${BIN_LAYOUTS[fits[0]].bytes} B per point)`
      : `fits ${fits.map((n) => `${n} (${BIN_LAYOUTS[n].bytes} B)`).join(', ')}`;
  const points = top.records;
  const others = scores.filter((s) => s !== top).map((s) => describeScore(s));
  return (
    `${files} ${fitText}; picked ${top.name}: ${describeScore(top, false)} over ${points} sampled points` +
    (others.length > 0 ? `; ${others.join('; ')}` : '') +
    (confident ? '' : '; not certain: declare the layout (--bin-layout or cuboid.json) if the points look wrong')
  );
}
