/**
 * Measures one frame into a tally: the clean boxes' findings, every seeded defect on every box
 * (through one incremental `FrameChecker`, as the checks worker runs), and the one-click fit at
 * each box's centre and at a random point of its object.
 */
import type { CheckResult } from '../../../src/domain/checks/CheckResult.ts';
import { expectedTrackBoxes } from '../../../src/domain/checks/expectedTrackBoxes.ts';
import { iou3d, iouBev } from '../../../src/domain/geometry/iou.ts';
import type { Cuboid, Vec3 } from '../../../src/domain/types.ts';
import { createRng } from '../../../src/sim/rng.ts';
import { DEFECT_IDS, defectCaught, falseMissed, headingError, isExcludedTrial, seedDefect } from './defects.ts';
import type { DefectId } from './defects.ts';
import { openFrame } from './qualityAdapter.ts';
import type { FittedBox } from './qualityAdapter.ts';
import type { QualityFrame } from './QualityFrame.ts';
import { fitSamples, MIN_RETURNS } from './QualityTally.ts';
import type { BucketTally, Click, QualityTally } from './QualityTally.ts';

/** A 32-bit hash of a string (FNV-1a), to seed per-frame random choices. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface MeasureOptions {
  /** Defect types to seed (default all). */
  defects?: readonly DefectId[];
  /** Whether to fit (default true). */
  fits?: boolean;
}

/** Measures `frame` into `tally`. */
export function measureFrame(frame: QualityFrame, tally: QualityTally, opts: MeasureOptions = {}): void {
  const defects = opts.defects ?? DEFECT_IDS;
  let t0 = performance.now();
  const probe = openFrame({
    frameId: frame.id,
    positions: frame.positions,
    ring: frame.ring,
    labelRegion: frame.labelRegion,
    dismissed: frame.dismissed,
    sensorOrigin: frame.sensorOrigin,
  });
  const clean = probe.check(frame.boxes);
  tally.frames++;
  const fm = falseMissed(clean, frame.spots);
  tally.falseMissed.error += fm.error;
  tally.falseMissed.warning += fm.warning;
  tally.falseMissed.info += fm.info;

  const bucketsOf = (i: number): BucketTally[] => (frame.returns[i] >= MIN_RETURNS ? [tally.buckets.ge10, tally.buckets.all] : [tally.buckets.all]);
  const onBox = new Map<string, CheckResult[]>();
  for (const r of clean) if (r.cuboidId !== null) onBox.set(r.cuboidId, [...(onBox.get(r.cuboidId) ?? []), r]);
  frame.boxes.forEach((b, i) => {
    const mine = onBox.get(b.id) ?? [];
    for (const bucket of bucketsOf(i)) {
      bucket.cleanBoxes++;
      if (mine.some((r) => r.severity === 'error')) bucket.cleanError++;
      if (mine.some((r) => r.severity === 'warning')) bucket.cleanWarning++;
      for (const key of new Set(mine.filter((r) => r.severity !== 'info').map((r) => `${r.ruleId}:${r.severity}`))) {
        bucket.cleanRules[key] = (bucket.cleanRules[key] ?? 0) + 1;
      }
    }
  });

  frame.boxes.forEach((_, i) => {
    const side: 1 | -1 = (hashString(frame.id) + i) % 2 === 0 ? 1 : -1;
    for (const d of defects) {
      const seeded = seedDefect(frame.boxes, i, d, side);
      const caught = defectCaught(seeded, clean, probe.check(seeded.boxes));
      const apart = isExcludedTrial(d, frame.boxes[i].label);
      for (const bucket of bucketsOf(i)) {
        const c = apart ? (bucket.excluded[d] ??= { n: 0, error: 0, any: 0, rules: {} }) : bucket.defects[d];
        c.n++;
        if (caught.error) c.error++;
        if (caught.any) c.any++;
        if (caught.any && seeded.deleted !== null) c.classRight = (c.classRight ?? 0) + (caught.suggested === seeded.deleted.label ? 1 : 0);
        for (const r of caught.rules) c.rules[r] = (c.rules[r] ?? 0) + 1;
      }
    }
  });
  if (frame.sequence !== undefined) measureInSequence(frame, frame.sequence, defects, probe, tally, bucketsOf);
  tally.ms.checks += performance.now() - t0;

  if (opts.fits === false) return;
  t0 = performance.now();
  const rng = createRng(hashString(frame.id));
  const p = frame.positions;
  frame.boxes.forEach((b, i) => {
    const pts = frame.objectPoints[i];
    const clicks: [Click, Vec3 | null][] = [
      ['centre', [b.center[0], b.center[1], b.center[2]]],
      ['point', pts.length === 0 ? null : pointAt(p, pts[Math.floor(rng.next() * pts.length)])],
    ];
    for (const [click, at] of clicks) {
      const fit = at === null ? null : probe.fit(at, b.label);
      for (const bucket of bucketsOf(i)) recordFit(fitSamples(bucket, b.label, click), b, fit);
    }
  });
  tally.ms.fits += performance.now() - t0;
}

/**
 * Every defect again, with the frames before and after given to the checks as the page gives them
 * (`expectedTrackBoxes` over the three frames: `trackGap` for a deleted box, `offTrack` for a
 * moved, turned or resized one). Also counts the clean frame's findings of those two rules (a
 * track labelled either side whose object gives this frame fewer than the labelling minimum of
 * returns; a box that strays from its neighbours).
 */
function measureInSequence(
  frame: QualityFrame,
  seq: NonNullable<QualityFrame['sequence']>,
  defects: readonly DefectId[],
  probe: ReturnType<typeof openFrame>,
  tally: QualityTally,
  bucketsOf: (i: number) => BucketTally[],
): void {
  const expected = expectedTrackBoxes([seq.before, { frameId: frame.id, cuboids: [], pose: seq.pose }, seq.after], 1);
  const clean = probe.check(frame.boxes, expected);
  tally.sequenceFrames++;
  for (const r of clean) if (r.ruleId === 'trackGap' || r.ruleId === 'offTrack') tally.falseTrack[r.severity]++;
  const cleanBoxes = new Set(clean.filter((r) => r.cuboidId !== null && r.severity !== 'info').map((r) => `${r.cuboidId}:${r.severity}`));
  frame.boxes.forEach((b, i) => {
    for (const bucket of bucketsOf(i)) {
      bucket.sequenceClean.boxes++;
      if (cleanBoxes.has(`${b.id}:error`)) bucket.sequenceClean.error++;
      if (cleanBoxes.has(`${b.id}:warning`)) bucket.sequenceClean.warning++;
    }
    const side: 1 | -1 = (hashString(frame.id) + i) % 2 === 0 ? 1 : -1;
    for (const d of defects) {
      const seeded = seedDefect(frame.boxes, i, d, side);
      const caught = defectCaught(seeded, clean, probe.check(seeded.boxes, expected));
      const apart = isExcludedTrial(d, frame.boxes[i].label);
      if (apart) continue;
      for (const bucket of bucketsOf(i)) {
        const c = bucket.inSequence[d];
        c.n++;
        if (caught.error) c.error++;
        if (caught.any) c.any++;
        for (const r of caught.rules) c.rules[r] = (c.rules[r] ?? 0) + 1;
      }
    }
  });
}

function pointAt(p: Float32Array, i: number): Vec3 {
  return [p[3 * i], p[3 * i + 1], p[3 * i + 2]];
}

function recordFit(s: ReturnType<typeof fitSamples>, truth: Cuboid, fit: FittedBox | null): void {
  s.n++;
  if (fit === null) {
    s.misses++;
    s.bev.push(0);
    s.iou3d.push(0);
    return;
  }
  s.bev.push(iouBev(fit, truth));
  s.iou3d.push(iou3d(fit, truth));
  const h = headingError(fit.yaw, truth.yaw);
  s.headingDeg.push(h.deg);
  if (h.backwards) s.backwards++;
}
