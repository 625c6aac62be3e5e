import type { RangeImage } from '../frame/RangeImage.ts';
import type { ClassRule } from '../dictionary/EdgeCaseDictionary.ts';
import { expectedReturns } from '../../sensor/expectedReturns.ts';
import { elevationGapAt } from '../../sensor/beamGapAt.ts';
import type { ScanSensor } from '../../sensor/ScanSensor.ts';
import type { Vec3 } from '../../types.ts';
import { hiddenBelow } from './hiddenBelow.ts';
import { objectKind } from './missedObjectKind.ts';
import type { ObjectKind } from './missedObjectKind.ts';

/** What the missed-object search measured on one unboxed cluster (LiDAR frame, metres). */
export interface MissedCandidate {
  /** Unboxed points of the cluster. */
  points: number;
  /** Their centroid. */
  center: Vec3;
  /** Ground height under the centroid. */
  groundZ: number;
  /** BEV distance of the centroid from the sensor. */
  range: number;
  /** BEV extent along the cluster's principal axis and across it. */
  length: number;
  width: number;
  /** Direction of the principal axis, radians about +z. */
  yaw: number;
  /** Highest and lowest point above the ground. */
  top: number;
  bottom: number;
  /** Whether the top reaches the sensor's highest beam: the object may be taller than `top`. */
  topCut: boolean;
}

/** How well one class explains a candidate. */
export interface TemplateScore {
  label: string;
  kind: ObjectKind;
  /** 0..1: size fit × return count against what the sensor would give on such an object there. */
  confidence: number;
  /** Returns an object of this class would give there (occlusion discounted); NaN without a beam model. */
  expected: number;
  /** The factors behind `confidence`: size fit (with the class's plausibility), return count, evidence. */
  parts: [number, number, number];
}

/**
 * How easily scenery of the same size passes for a class: large box-shaped clusters are often
 * walls, hedges, shelters and crowns (trucks, trams: even a truck-sized, truck-deep one was a
 * wall or a shelter on real KITTI and Argoverse 2 frames), low compact ones bins, posts and
 * bushes (sitting people: a litter bin 0.4 × 0.3 × 0.95 m has a sitting person's size and
 * returns, so a sitting person is never more than an info, below `WARN_CONF`).
 */
const PLAUSIBILITY: Readonly<Record<string, number>> = { Truck: 0.75, Tram: 0.6, Person_sitting: 0.45 };
/**
 * Share of the returns of a visible object's class-sized box that a real object gives, at least
 * (glass, dark paint, open frames; a person fills a third of a box around them, and less when
 * seen edge-on): about the 10th percentile of returns ÷ `expectedReturns` on labelled boxes
 * (vehicles 0.4–0.5, people 0.1–0.15, on simulated 32- and 64-beam frames and real ones; people
 * are held to the upper end, as sparse scenery passes for a sparse person).
 */
const FILL: Record<ObjectKind, number> = { vehicle: 0.3, person: 0.15, other: 0.2 };
/** Points per expected return above which the cluster is too dense for the class (it is bigger than one). */
const OVERFULL = 2.5;
/** |sin| of the angle between a cluster's long axis and the line of sight under which the axis runs along it (30°). */
const ALONG_SIGHT = 0.5;
/** Share of a place the sensor must see for a vehicle there to show at least 80 % of its class's shortest length. */
const SEEN = 0.7;
/** Points at which a cluster's count is good evidence (factor 1 − e^(−n/EVIDENCE_POINTS): 10 points 0.4, 30 points 0.78, 60 points 0.95). */
const EVIDENCE_POINTS = 20;
/** A cluster whose lowest return is this high above the ground (metres) may show only its upper part. */
const RAISED_SHOWN = 0.6;
/** Beam gap assumed when the scan shows no beam structure (radians, 0.4°). */
const DEFAULT_BEAM_GAP = (0.4 * Math.PI) / 180;

/**
 * Scores every class of `classes` (dictionary entries with `findMissed`) on `cand`, best first.
 *
 * Size: the cluster's top must reach the class's height range (less the gap between two beams at
 * that range, since the highest return can fall short of the top; not asked when the top is cut
 * off by the highest beam) and not exceed it by more than 0.15 m; its length and width must not exceed the class's by more than 10 % + 0.3 m, and its
 * length must reach 0.6 × the class's smallest width (a post is no car). Each is a smooth factor.
 *
 * Returns: `expectedReturns` of the sensor on a box of the class standing at the cluster, set
 * back from the sensor by half the depth that the class's smallest object has and the cluster
 * does not show (the returns lie on its near faces), discounted for what nearer points hide (for a
 * person class, a raised cluster whose lower part something nearer hides is counted on the band it
 * shows, from a beam gap under its lowest return up). The
 * box lies along the cluster's long axis or, when the cluster is no longer than the class is
 * wide, across it (an end face seen head-on); the orientation whose count fits better is kept. A
 * cluster with fewer than `FILL` of them (vehicles 0.3, people 0.15) is either hidden more than
 * the range image knows or not this class; one with more than 2.5× is bigger than the class; a
 * vehicle whose place is at least 70 % in view must show 0.8 × its class's shortest length, or,
 * seen from an end across the line of sight, its width; seen from an end it must show 0.8 × its
 * narrowest width, hidden or not. Without a beam model the count factor is neutral (0.7). Evidence: the
 * share of the place that nearer points leave visible (+0.3, at most 1) and the number of points
 * (1 − e^(−n/20)) scale the result, so a hidden place or a handful of points is never near-certain.
 */
export function scoreTemplates(
  cand: MissedCandidate,
  classes: readonly (readonly [string, ClassRule])[],
  sensor: ScanSensor | undefined,
  rangeImage: RangeImage | undefined,
): TemplateScore[] {
  const gap = topBeamGap(sensor, cand);
  const slackLow = 0.1 + cand.range * gap;
  // A raised cluster whose lower part something nearer hides (a person behind a parked car shows
  // head and shoulders): what the sensor could give a person there is counted on the band it
  // shows, from a beam gap under its lowest return up, not on the whole person less a coarse
  // share of hidden rays. (Not for vehicles: the tops of walls behind cars then passed for vans.)
  const shownFrom = rangeImage !== undefined && cand.bottom > RAISED_SHOWN && hiddenBelow(rangeImage, cand) ? Math.max(0.2, cand.bottom - slackLow) : undefined;
  const out: TemplateScore[] = [];
  for (const [label, rule] of classes) {
    const { l, w, h } = rule.size;
    const kind = objectKind(rule);
    let s = PLAUSIBILITY[label] ?? 1;
    // The highest return falls short of the top by up to a beam gap: half of it on average.
    const height = cand.top + 0.5 * (slackLow - 0.1);
    if (!cand.topCut) s *= below(cand.top, h[0] - slackLow, 0.2) * typical(height, h[0], h[1]);
    s *= above(cand.top, h[1] + 0.15, 0.2);
    s *= above(cand.length, upperQuarter(l) + 0.3, 0.3) * above(cand.width, upperQuarter(w) + 0.3, 0.25);
    s *= below(cand.length, 0.6 * w[0], 0.15);
    let expected = NaN;
    const sizeFit = s;
    let countFit = 1;
    let evidence = 1;
    if (s > 0.01) {
      const height = Math.min(h[1], Math.max(h[0], cand.top));
      const [ox, oy] = sensor?.origin ?? [0, 0];
      const sight = Math.atan2(cand.center[1] - oy, cand.center[0] - ox);
      const losX = Math.cos(sight);
      const losY = Math.sin(sight);
      // |sin| of the angle between the cluster's long axis and the line of sight: 1 across it.
      const across = Math.abs(Math.sin(cand.yaw - sight));
      // The cluster's long axis is the object's length, or (a cluster no longer than the class is
      // wide: one end face, or a short object seen from its side) its width: both are scored, and
      // the orientation whose return count fits better is kept.
      const turns = cand.length <= upperQuarter(w) + 0.3 ? [0, Math.PI / 2] : [0];
      let visible = 1;
      countFit = -1;
      for (const turn of turns) {
        const [along, acrossSize] = turn === 0 ? [cand.length, cand.width] : [cand.width, cand.length];
        const size: Vec3 = [Math.max(along, (l[0] + l[1]) / 2), Math.max(acrossSize, (w[0] + w[1]) / 2), height];
        // The returns lie on the faces toward the sensor: the object's centre lies beyond the
        // cluster's, by half the depth (along the line of sight) that even the smallest object of
        // the class has and the cluster does not show.
        const sinT = turn === 0 ? across : Math.sqrt(Math.max(0, 1 - across * across));
        const cosT = turn === 0 ? Math.sqrt(Math.max(0, 1 - across * across)) : across;
        const shift = Math.max(0, Math.max(0, l[0] - along) * cosT + Math.max(0, w[0] - acrossSize) * sinT) / 2;
        const box = {
          center: [cand.center[0] + shift * losX, cand.center[1] + shift * losY, cand.groundZ + height / 2] as Vec3,
          size,
          yaw: cand.yaw + turn,
        };
        let e = NaN;
        let seen = 1;
        if (sensor !== undefined && sensor.beams > 0) {
          const r = expectedReturns(sensor, box, { groundZ: cand.groundZ, rangeImage, clearance: kind === 'person' ? shownFrom : undefined });
          e = r.expected;
          seen = 1 - r.occludedFraction;
        }
        let fit = countFactor(cand.points, e, FILL[kind]);
        // A vehicle in plain view shows most of its length (its roof, seen from above, or its side),
        // unless the cluster is one end face seen head-on: as wide as the class, lying across the
        // line of sight (a van ahead shows its rear, not its length).
        // (Or its long axis lies along the line of sight, the end face as wide as the class across
        // it: the roof of a car ahead, seen from behind, runs away from the sensor.)
        const endOn = turn !== 0 ? across > 0.7 && cand.length >= 0.8 * w[0] : across < ALONG_SIGHT && cand.width >= 0.8 * w[0];
        if (kind === 'vehicle' && seen >= SEEN && !endOn) fit *= below(cand.length, 0.8 * l[0], 0.3 * l[0]);
        // Seen from an end, a vehicle shows most of its width, hidden or not (a pole is no truck's rear).
        if (kind === 'vehicle' && turn !== 0) fit *= below(cand.length, 0.8 * w[0], 0.15 * w[0]);
        if (fit > countFit) {
          countFit = fit;
          expected = e;
          visible = seen;
        }
      }
      // Evidence: a mostly hidden place or a handful of points can fit a class without showing it.
      // (Not weighed against what the sensor can give there: far scenery fragments of 10–30
      // points then pass for far cars on real frames.)
      evidence = Math.min(1, 0.3 + visible) * (1 - Math.exp(-cand.points / EVIDENCE_POINTS));
      s *= countFit * evidence;
    }
    out.push({ label, kind, confidence: Math.max(0, Math.min(1, s)), expected, parts: [sizeFit, countFit, evidence] });
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}

/**
 * How typical a height is for a class whose range is [lo, hi]: 1 in the middle 60 % of the range,
 * falling off as a Gaussian of 15 % of the range outside it (0.17 at the ends): the ends of a
 * dictionary range are allowed, not usual.
 */
function typical(v: number, lo: number, hi: number): number {
  const span = Math.max(0.1, hi - lo);
  return below(v, lo + 0.2 * span, 0.15 * span) * above(v, hi - 0.2 * span, 0.15 * span);
}

/** Three quarters up a size range [lo, hi]: larger is possible but rare. */
function upperQuarter(r: readonly number[]): number {
  return r[0] + 0.75 * (r[1] - r[0]);
}

/** 1 while `v ≥ min`, falling off as a Gaussian of width `sigma` below it. */
function below(v: number, min: number, sigma: number): number {
  return v >= min ? 1 : Math.exp(-(((min - v) / sigma) ** 2));
}

/** 1 while `v ≤ max`, falling off as a Gaussian of width `sigma` above it. */
function above(v: number, max: number, sigma: number): number {
  return v <= max ? 1 : Math.exp(-(((v - max) / sigma) ** 2));
}

function countFactor(points: number, expected: number, fill: number): number {
  if (!(expected > 0)) return expected === 0 ? 0.3 : 0.7;
  const q = points / expected;
  if (q < fill) return (q / fill) ** 1.5;
  if (q > OVERFULL) return Math.exp(-(q - OVERFULL) / OVERFULL);
  return 1;
}

/** Elevation gap (radians) between the beams around the candidate's top, seen from the sensor (0.4° without beam data). */
export function topBeamGap(sensor: ScanSensor | undefined, cand: MissedCandidate): number {
  if (sensor === undefined) return DEFAULT_BEAM_GAP;
  const e = Math.atan2(cand.groundZ + cand.top - sensor.origin[2], Math.max(cand.range, 1));
  return elevationGapAt(sensor, e, DEFAULT_BEAM_GAP);
}
