/**
 * Counts gathered by the quality bench over the frames of one profile (or one real dataset), and
 * the figures derived from them. Two buckets: boxes whose object gave at least 10 returns, and
 * all boxes.
 */
import { DEFECT_IDS } from './defects.ts';
import type { DefectId } from './defects.ts';

export const BUCKETS = ['ge10', 'all'] as const;
export type Bucket = (typeof BUCKETS)[number];
/** Returns an object needs to be in the `ge10` bucket. */
export const MIN_RETURNS = 10;

export const CLICKS = ['centre', 'point'] as const;
/** Where the fit is clicked: the box centre, or a random point of the object. */
export type Click = (typeof CLICKS)[number];

export interface DefectCounts {
  /** Trials. */
  n: number;
  /** Caught by a new error. */
  error: number;
  /** Caught by a new error or warning. */
  any: number;
  /** Rules that caught it (trials per rule). */
  rules: Record<string, number>;
  /** `delete` only: caught trials whose finding suggests the deleted box's own class. */
  classRight?: number;
}

export interface FitSamples {
  /** Fits tried. */
  n: number;
  /** Fits that found nothing (counted with IoU 0). */
  misses: number;
  bev: number[];
  iou3d: number[];
  /** Heading error modulo 180°, degrees (fitted boxes only). */
  headingDeg: number[];
  /** Fitted boxes more than 90° off. */
  backwards: number;
}

export interface BucketTally {
  defects: Record<DefectId, DefectCounts>;
  /** Trials measured apart from the recall (`isExcludedTrial`: turned pedestrians), per defect. */
  excluded: Partial<Record<DefectId, DefectCounts>>;
  cleanBoxes: number;
  /** Clean boxes with at least one error / at least one warning. */
  cleanError: number;
  cleanWarning: number;
  /** Rules behind the clean boxes' errors and warnings (boxes per rule and severity). */
  cleanRules: Record<string, number>;
  /** Per class, per click. */
  fits: Record<string, Record<Click, FitSamples>>;
  /** The defects tried again with the frames before and after given to the checks (sequence frames only). */
  inSequence: Record<DefectId, DefectCounts>;
  /** Clean boxes checked with the frames around, and those with an error / a warning then. */
  sequenceClean: { boxes: number; error: number; warning: number };
}

export interface QualityTally {
  name: string;
  frames: number;
  /** Missed-object findings on clean frames away from every ground-truth object. */
  falseMissed: { error: number; warning: number; info: number };
  buckets: Record<Bucket, BucketTally>;
  /** Frames measured with the frames around them (a sequence), and the track findings (`trackGap`, `offTrack`) on them when clean. */
  sequenceFrames: number;
  falseTrack: { error: number; warning: number; info: number };
  /** Wall time spent, milliseconds: simulation or loading, checks, fits. */
  ms: { frames: number; checks: number; fits: number };
}

function emptyBucket(): BucketTally {
  return {
    defects: Object.fromEntries(DEFECT_IDS.map((d) => [d, { n: 0, error: 0, any: 0, rules: {} }])) as Record<DefectId, DefectCounts>,
    excluded: {},
    cleanBoxes: 0,
    cleanError: 0,
    cleanWarning: 0,
    cleanRules: {},
    fits: {},
    inSequence: Object.fromEntries(DEFECT_IDS.map((d) => [d, { n: 0, error: 0, any: 0, rules: {} }])) as Record<DefectId, DefectCounts>,
    sequenceClean: { boxes: 0, error: 0, warning: 0 },
  };
}

export function emptyTally(name: string): QualityTally {
  return {
    name,
    frames: 0,
    falseMissed: { error: 0, warning: 0, info: 0 },
    sequenceFrames: 0,
    falseTrack: { error: 0, warning: 0, info: 0 },
    buckets: { ge10: emptyBucket(), all: emptyBucket() },
    ms: { frames: 0, checks: 0, fits: 0 },
  };
}

export function fitSamples(b: BucketTally, label: string, click: Click): FitSamples {
  const byClick = (b.fits[label] ??= {
    centre: { n: 0, misses: 0, bev: [], iou3d: [], headingDeg: [], backwards: 0 },
    point: { n: 0, misses: 0, bev: [], iou3d: [], headingDeg: [], backwards: 0 },
  });
  return byClick[click];
}

export function median(v: readonly number[]): number {
  if (v.length === 0) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function mean(v: readonly number[]): number {
  return v.length === 0 ? NaN : v.reduce((a, b) => a + b, 0) / v.length;
}

/** The headline figures of a tally (one bucket), NaN where nothing was measured. */
export interface QualityFigures {
  frames: number;
  boxes: number;
  /** Lowest recall over the defect types (errors or warnings / errors only), and which defect. */
  minRecallAny: number;
  minRecallAnyDefect: string;
  minRecallError: number;
  minRecallErrorDefect: string;
  cleanErrorShare: number;
  cleanWarningShare: number;
  /** False missed-object warnings and errors per clean frame; infos per clean frame. */
  falseMissedPerFrame: number;
  falseMissedInfoPerFrame: number;
  carMedianBev: number;
  carMean3d: number;
  carMedianHeading: number;
  carBackwards: number;
  pedMedianBev: number;
  cycMedianBev: number;
}

/** Figures of one bucket; the fit figures are those of the click at a random object point. */
export function figures(t: QualityTally, bucket: Bucket, click: Click = 'point'): QualityFigures {
  const b = t.buckets[bucket];
  let minAny = Infinity;
  let minAnyD = '';
  let minErr = Infinity;
  let minErrD = '';
  for (const d of DEFECT_IDS) {
    const c = b.defects[d];
    if (c.n === 0) continue;
    if (c.any / c.n < minAny) [minAny, minAnyD] = [c.any / c.n, d];
    if (c.error / c.n < minErr) [minErr, minErrD] = [c.error / c.n, d];
  }
  const fitsOf = (label: string): FitSamples => b.fits[label]?.[click] ?? { n: 0, misses: 0, bev: [], iou3d: [], headingDeg: [], backwards: 0 };
  const car = fitsOf('Car');
  return {
    frames: t.frames,
    boxes: b.cleanBoxes,
    minRecallAny: minAny === Infinity ? NaN : minAny,
    minRecallAnyDefect: minAnyD,
    minRecallError: minErr === Infinity ? NaN : minErr,
    minRecallErrorDefect: minErrD,
    cleanErrorShare: b.cleanBoxes === 0 ? NaN : b.cleanError / b.cleanBoxes,
    cleanWarningShare: b.cleanBoxes === 0 ? NaN : b.cleanWarning / b.cleanBoxes,
    falseMissedPerFrame: t.frames === 0 ? NaN : (t.falseMissed.error + t.falseMissed.warning) / t.frames,
    falseMissedInfoPerFrame: t.frames === 0 ? NaN : t.falseMissed.info / t.frames,
    carMedianBev: median(car.bev),
    carMean3d: mean(car.iou3d),
    carMedianHeading: median(car.headingDeg),
    carBackwards: car.headingDeg.length === 0 ? NaN : car.backwards / car.headingDeg.length,
    pedMedianBev: median(fitsOf('Pedestrian').bev),
    cycMedianBev: median(fitsOf('Cyclist').bev),
  };
}

/** Merges `src` into `dst` (same shape). */
export function mergeTally(dst: QualityTally, src: QualityTally): void {
  dst.frames += src.frames;
  for (const k of ['error', 'warning', 'info'] as const) dst.falseMissed[k] += src.falseMissed[k];
  dst.sequenceFrames += src.sequenceFrames;
  for (const k of ['error', 'warning', 'info'] as const) dst.falseTrack[k] += src.falseTrack[k];
  for (const k of ['frames', 'checks', 'fits'] as const) dst.ms[k] += src.ms[k];
  for (const bucket of BUCKETS) {
    const d = dst.buckets[bucket];
    const s = src.buckets[bucket];
    for (const id of DEFECT_IDS) {
      addCounts(d.defects[id], s.defects[id]);
      addCounts(d.inSequence[id], s.inSequence[id]);
      const se = s.excluded[id];
      if (se !== undefined) addCounts((d.excluded[id] ??= { n: 0, error: 0, any: 0, rules: {} }), se);
    }
    for (const k of ['boxes', 'error', 'warning'] as const) d.sequenceClean[k] += s.sequenceClean[k];
    d.cleanBoxes += s.cleanBoxes;
    d.cleanError += s.cleanError;
    d.cleanWarning += s.cleanWarning;
    for (const [r, n] of Object.entries(s.cleanRules)) d.cleanRules[r] = (d.cleanRules[r] ?? 0) + n;
    for (const [label, byClick] of Object.entries(s.fits)) {
      for (const c of CLICKS) {
        const f = fitSamples(d, label, c);
        const g = byClick[c];
        f.n += g.n;
        f.misses += g.misses;
        f.bev.push(...g.bev);
        f.iou3d.push(...g.iou3d);
        f.headingDeg.push(...g.headingDeg);
        f.backwards += g.backwards;
      }
    }
  }
}

/** Adds the counts of `src` to `dst`. */
function addCounts(dst: DefectCounts, src: DefectCounts): void {
  dst.n += src.n;
  dst.error += src.error;
  dst.any += src.any;
  if (src.classRight !== undefined) dst.classRight = (dst.classRight ?? 0) + src.classRight;
  for (const [r, n] of Object.entries(src.rules)) dst.rules[r] = (dst.rules[r] ?? 0) + n;
}
