import type { Cuboid } from '../../types.ts';
import type { CheckContext, Rule } from '../CheckContext.ts';
import type { CheckResult, Severity } from '../CheckResult.ts';
import type { ClassRule } from '../dictionary/EdgeCaseDictionary.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { isOccluded } from '../frame/RangeImage.ts';
import type { RangeImage } from '../frame/RangeImage.ts';
import { fmt, plural } from '../formatNumber.ts';
import { acrossSight } from './acrossSight.ts';
import type { AcrossSight } from './acrossSight.ts';
import { candidatePairs } from './candidatePairs.ts';
import { coverageMask, MANY_BOXES } from '../../geometry/coverageMask.ts';
import { createGatherScratch, gatherObject } from './gatherObject.ts';
import { FACE_NAMES, headingModeOf, judgeFit } from './judgeFit.ts';
import type { FitJudgement } from './judgeFit.ts';
import { createHeadingScratch } from './refitHeading.ts';
import { targetIndices } from './targetIndices.ts';
import { besideObject } from './besideObject.ts';
import { offItsObject } from './offItsObject.ts';

/** How far beyond the side faces the object is followed: 60 % of the longer side, 1–3 m. */
const REACH_FRACTION = 0.6;
const MIN_REACH = 1;
const MAX_REACH = 3;
/** Fewest object points (returns) for the refit to judge a box at all. */
const MIN_RETURNS = 10;
/** Fewest returns above its bottom slab inside the box (grown by the fit margin) to refit it at all. */
const MIN_INSIDE = 5;
/** Fewest object points for an error. */
const ERROR_RETURNS = 25;
/** Heading: warning / error beyond max(floor, k·σ + extra) degrees; vehicles and riders. */
const HEADING = {
  rectangle: { warnFloor: 8, errorFloor: 12, warnK: 3, errorK: 4, extra: 3 },
  line: { warnFloor: 12, errorFloor: 18, warnK: 3, errorK: 4, extra: 5 },
};
/**
 * Vehicles turned by less than 45°: the refit heading must put this much larger a share of the
 * points on the box's faces than the box's heading does (warning / error).
 */
const WARN_HUG_GAIN = 0.1;
const ERROR_HUG_GAIN = 0.2;
/**
 * A gap between an end and the object, seen empty, of max(0.5 m, 12 % of that dimension) + 1 % of
 * the range: a vehicle's side seen at a grazing angle thins out towards its end. Its sides (the
 * gap across it) grow by 0.5 % of the range (`OUTLINE_EMPTY_END_PER_M`): its end seen head-on
 * stops at a sharp corner (a car 72 m ahead moved 1 m sideways reached 1.2 m past its rear's
 * edge, under the 1.22 m the ends' rate asked).
 */
const EMPTY_END_MIN = 0.5;
/** The same for riders and people, whose boxes are a third as long (only both ends empty together count: `reachesPast`). */
const OUTLINE_EMPTY_END_MIN = 0.3;
const EMPTY_END_SHARE = 0.12;
const EMPTY_END_PER_M = 0.01;
/**
 * Riders and people: their returns come from a body, not from corners that thin out as a face
 * turns away: about the sample spacing and range noise (0.2–0.4 % of the range) short of an end.
 */
const OUTLINE_EMPTY_END_PER_M = 0.005;
/** ...and only when the sensor sees the side running into that end at 15° or more (sin 15°). */
const MIN_INCIDENCE = 0.26;
/** A protrusion is evidence when this many object points (and this share) lie beyond the face. */
const WARN_COUNT = 3;
/** Above the top two object points are evidence (a head seen at range is a row of two or three). */
const TOP_WARN_COUNT = 2;
/** The top is not judged when more than this share of the points above it spread beside the box. */
const SPREAD_SHARE = 0.5;
const WARN_SHARE = 0.02;
const ERROR_COUNT = 6;
const ERROR_SHARE = 0.05;
/** An error needs the third-outermost point beyond the face by this multiple of the tolerance. */
const ERROR_BEYOND = 1.25;
/** pointsOutsideBox's error: at least this many object points, and this share, outside the box. */
const OUTSIDE_ERROR_COUNT = 12;
const OUTSIDE_ERROR_SHARE = 0.35;

/** Per box, the refit and what it says (for the rule and for tuning scripts). */
export interface BoxJudgement {
  index: number;
  judgement: FitJudgement;
  /**
   * Per side face (0 front, 1 rear, 2 left, 3 right): whether the strip of the box between that
   * face and the object's nearest point was in the sensor's view (not hidden behind nearer
   * points) while the sensor saw the object's face running into it: the box reaches past its object there.
   */
  emptyEnd: boolean[];
  /** Whether the class is box-shaped (vehicles): a rider's or a person's outline only counts when both ends are empty. */
  solid: boolean;
  /** Riders: the box against its object across the line of sight (`acrossSight`); else null. */
  across: AcrossSight | null;
}

/**
 * Refits the object of every target box (`gatherObject`: the surface connected to the box's
 * above-ground points, followed up to 60 % of the box's longer side beyond its faces (1–3 m) and
 * 60 % of its height above the top (1–1.5 m)) and compares it with the box (`judgeFit`). Boxes with fewer
 * than 10 object points are left out.
 */
export function judgeBoxes(ctx: CheckContext): BoxJudgement[] {
  const out: BoxJudgement[] = [];
  const targets = targetIndices(ctx);
  if (targets.length === 0) return out;
  const analysis = analysisOf(ctx);
  const origin = analysis.sensor?.origin ?? [0, 0, 0];
  const margin = ctx.dictionary.settings.fitMargin;
  const boxes = ctx.cuboids;
  const targetSet = new Set(targets);
  const neighbours = new Map<number, number[]>();
  const covered = boxes.length >= MANY_BOXES ? coverageMask(ctx.positions, boxes, analysis.grid, margin) : null;
  if (covered === null) {
    for (const [i, j] of candidatePairs(boxes, (k) => targetSet.has(k), 2.5)) {
      if (!neighbours.has(i)) neighbours.set(i, []);
      if (!neighbours.has(j)) neighbours.set(j, []);
      neighbours.get(i)!.push(j);
      neighbours.get(j)!.push(i);
    }
  }
  const scratch = createGatherScratch();
  const headingScratch = createHeadingScratch();
  for (const bi of targets) {
    const box = boxes[bi];
    if (!box.size.every((v) => Number.isFinite(v) && v > 0) || !box.center.every(Number.isFinite) || !Number.isFinite(box.yaw)) continue;
    const longer = Math.max(box.size[0], box.size[1]);
    const reach = Math.min(MAX_REACH, Math.max(MIN_REACH, REACH_FRACTION * longer));
    const reachUp = Math.min(1.5, Math.max(1, 0.6 * box.size[2]));
    const others = (neighbours.get(bi) ?? []).map((j) => boxes[j]);
    const object = gatherObject(analysis, box, others, margin, reach, reachUp, MIN_INSIDE, scratch, covered);
    if (object.n < MIN_RETURNS) continue;
    const c = Math.cos(box.yaw);
    const s = Math.sin(box.yaw);
    const dx = origin[0] - box.center[0];
    const dy = origin[1] - box.center[1];
    const sensorLocal: [number, number, number] = [dx * c + dy * s, dy * c - dx * s, origin[2] - box.center[2]];
    const range = Math.hypot(dx, dy);
    const rule = ctx.dictionary.classes[box.label];
    const judgement = judgeFit(box, rule, object, scratch.object, sensorLocal, range, margin, headingScratch);
    const mode = headingModeOf(rule);
    const solid = mode === 'rectangle';
    const emptyEnd = [0, 1, 2, 3].map((f) => {
      const axis = f < 2 ? 0 : 1;
      if (!judgement.endsSeen[axis] || !(judgement.gap[f] > emptyEndAt(box, f, range, solid))) return false;
      // The side running into that end must be seen at a fair angle: at grazing incidence a face
      // returns few points, and none towards its far end.
      const [sx, sy] = sensorLocal;
      const off = axis === 0 ? Math.abs(sy) - box.size[1] / 2 : Math.abs(sx) - box.size[0] / 2;
      if (off < MIN_INCIDENCE * Math.hypot(sx, sy)) return false;
      return stripSeen(analysis.rangeImage, box, f, judgement.gap[f], sensorLocal);
    });
    const across = mode === 'line' ? acrossSight(box, scratch.object, object.n, sensorLocal, analysis.rangeImage) : null;
    out.push({ index: bi, judgement, emptyEnd, solid, across });
  }
  return out;
}

/**
 * The box disagrees with a refit of its own points. The object's points in and around the box
 * (its connected above-ground surface, see `judgeBoxes`) are refitted: a heading (L-shape fit for
 * vehicle classes, principal axis for riders) and the object's reach beyond each face. One result
 * per box, for the first of these causes that holds:
 * - turned: the box's length axis is off the refit's by more than max(8°, 3σ + 3°) for vehicles
 *   (max(12°, 3σ + 5°) for riders, and only when the points are longer than a rider can be wide),
 *   σ being the refit's own heading uncertainty from the scatter of the points on its faces;
 *   error beyond max(12°, 4σ + 3°) (riders max(18°, 4σ + 5°)). A vehicle turned by less than 45°
 *   must also have at least 10 % more of its points on the refit's faces (within 0.1 m plus the
 *   range noise) than on the box's (20 % for an error): a rounded or partly seen body tilts the
 *   fit by itself. A vehicle turned by about 90° is told by its points running further across
 *   the box than any width of its class; People are not judged: from one
 *   side a person's points show their visible outline, not which way they face;
 * - shifted / cut off: at least 3 object points (and 2 %; above the top 2, the second-highest) lie
 *   beyond a face by more than its tolerance (ends 0.15 m and sides 0.2 m (mirrors), plus 0.4 % of
 *   the range; top 0.08 m plus 0.2 %); error with 6 points (5 %) and the third-outermost (top:
 *   second-highest) beyond 1.25 tolerances. When the object
 *   also stops short of the opposite face, seen by the sensor, the box is reported as off its
 *   object along that axis, otherwise as cutting it. When the object's surface goes on to the
 *   edge of the region (it touches a wall, a hedge), where it ends is not seen: no such finding
 *   (and the heading is refitted from the points inside the box only).
 * - reaching past (vehicles): the object's side seen by the sensor stops short of an end face
 *   by max(0.5 m, 12 % of the box's length) + 1 % of the range (a side short of its end seen
 *   head-on: 0.5 %), the sensor sees that side at 15°
 *   or more, and that strip of the box was in view (not behind nearer points): warning. (Faces that face the sensor are looseFit's.)
 *   Both ends of one axis so, the gaps adding up to max(0.8 m, 30 % of the box): an error (a
 *   warning under 25 returns). Riders and people: both ends only (at max(0.3 m, 12 %) + 0.5 % of the
 *   range each), adding up to half the box (a rider box turned across a cyclist seen from behind);
 *   one empty end says nothing there.
 * - seen through beside its object (vehicles, `besideObject`, also for boxes with too few object
 *   points for a refit): at an end of the box's silhouette the sensor's beams crossed its lower
 *   body in view and returned nothing from it, over 0.4 m plus two columns of the azimuth
 *   resolution, while the object shows elsewhere in the silhouette.
 * Shifted / cut-off findings are left to `pointsOutsideBox` when its error applies (at least 12
 * object points and 35 % outside): one message per box and cause. Not judged with fewer than 10
 * object points; errors need 25.
 */
export const fitDisagreement: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const judged = new Set<number>();
  for (const { index, judgement, emptyEnd, solid, across } of judgeBoxes(ctx)) {
    judged.add(index);
    const box = ctx.cuboids[index];
    const result =
      decide(box, ctx.dictionary.classes[box.label], judgement, emptyEnd, solid) ?? widerThanSeen(box, judgement, across) ?? besideObject(ctx, box);
    if (result !== null) out.push(result);
  }
  // Boxes with too few object points for a refit (turned or moved off most of them) may still
  // show the sensor seeing through them beside their object.
  for (const i of targetIndices(ctx)) {
    if (judged.has(i)) continue;
    const result = besideObject(ctx, ctx.cuboids[i]);
    if (result !== null) out.push(result);
  }
  return out;
};

/** The finding for one box from its refit, or null. */
export function decide(box: Cuboid, rule: ClassRule | undefined, j: FitJudgement, emptyEnd: readonly boolean[] = [], solid = true): CheckResult | null {
  const refit = `(refit from ${plural(j.n, 'return')})`;
  const result = (severity: Severity, message: string): CheckResult => ({
    ruleId: 'fitDisagreement',
    severity,
    cuboidId: box.id,
    location: null,
    message,
    dictionaryEntry: 'box-follows-points',
  });
  const mode = headingModeOf(rule);
  if (mode !== null && j.turn !== null && Number.isFinite(j.sigma)) {
    const t = HEADING[mode];
    const warnAt = Math.max(t.warnFloor, t.warnK * j.sigma + t.extra);
    const errorAt = Math.max(t.errorFloor, t.errorK * j.sigma + t.extra);
    // The 90° case (long axes crossed) is told by the spans; a smaller turn must also explain the
    // visible faces clearly better than the box's own heading does.
    const crossed = j.longAxisKnown && j.turn > 45;
    if (j.turn > warnAt && (crossed || j.hugGain >= WARN_HUG_GAIN)) {
      const sure = j.turn > errorAt && j.n >= ERROR_RETURNS && (crossed || j.hugGain >= ERROR_HUG_GAIN);
      const severity = sure ? 'error' : 'warning';
      const across = j.turn > 60 && j.longAxisKnown ? ': it runs across its object' : '';
      return result(severity, `${box.label} box is turned ${fmt(j.turn)}° from its points' axis${across} ${refit}`);
    }
  }
  // Part of a larger structure beside it (a wall, a hedge, a pole): where the object ends is not
  // seen, so only its top is judged (a person beside a hedge still has a head). Something above
  // it (a canopy) hides where its top ends: that face is skipped below.
  const besideStructure = j.atReach.slice(0, 4).some(Boolean);
  // pointsOutsideBox reports an object that is cut off (unless it is part of a larger structure).
  if (!besideStructure && j.outside >= OUTSIDE_ERROR_COUNT && j.outsideShare >= OUTSIDE_ERROR_SHARE) return null;
  let worst = -1;
  let worstSeverity: Severity | null = null;
  let worstExcess = 0;
  for (let f = besideStructure ? 4 : 0; f < 5; f++) {
    if (j.atReach[f]) continue;
    // Beside a structure the top is judged over the core of the footprint, and not when
    // something spreads over the box (a crown, an overhang).
    if (besideStructure && j.core.spread > SPREAD_SHARE * j.core.count) continue;
    const count = besideStructure ? j.core.count : j.countBeyond[f];
    const beyond = besideStructure ? j.core.beyond : j.beyond[f];
    const base = besideStructure ? j.core.n : j.n;
    if (count < Math.max(f === 4 ? TOP_WARN_COUNT : WARN_COUNT, WARN_SHARE * base) || !(beyond > j.tolerance[f])) continue;
    const sure = count >= Math.max(ERROR_COUNT, ERROR_SHARE * base) && beyond > ERROR_BEYOND * j.tolerance[f] && base >= ERROR_RETURNS;
    const excess = beyond / j.tolerance[f] + (sure ? 100 : 0);
    if (excess > worstExcess) {
      worstExcess = excess;
      worst = f;
      worstSeverity = sure ? 'error' : 'warning';
    }
  }
  if (worst < 0 || worstSeverity === null) return besideStructure ? null : (offItsObject(box, j) ?? reachesPast(box, j, emptyEnd, solid, refit, result));
  const [shownCount, shownBeyond] = besideStructure ? [j.core.count, j.core.beyond] : [j.countBeyond[worst], j.beyond[worst]];
  const beyond = `${plural(shownCount, 'point')} of its object reach ${fmt(shownBeyond, 2)} m beyond its ${FACE_NAMES[worst]}`;
  if (worst < 4) {
    const axis = worst < 2 ? 0 : 1;
    const gap = j.slack[axis];
    if (j.endsSeen[axis] && gap > j.tolerance[worst]) {
      const offset = (j.beyond[worst] + gap) / 2;
      return result(
        worstSeverity,
        `${box.label} box is about ${fmt(offset, 1)} m off its object along its ${axis === 0 ? 'length' : 'width'}: ${beyond} ` +
          `and the object stops ${fmt(gap, 2)} m short of the opposite face ${refit}`,
      );
    }
  }
  return result(worstSeverity, `${box.label} box cuts its object: ${beyond} ${refit}`);
}

/**
 * The box reaches past its object at a face whose strip the sensor saw empty (`emptyEnd`). A
 * warning only: the range image's occlusion test is coarse (0.25° × 0.5° bins).
 */
function reachesPast(
  box: Cuboid,
  j: FitJudgement,
  emptyEnd: readonly boolean[],
  solid: boolean,
  refit: string,
  result: (severity: Severity, message: string) => CheckResult,
): CheckResult | null {
  let worst = -1;
  for (let f = 0; f < 4; f++) if (emptyEnd[f] && (worst < 0 || j.gap[f] > j.gap[worst])) worst = f;
  if (worst < 0) return null;
  // Both ends of one axis seen empty, together a good part of the box: the box is far longer
  // than its object that way whatever the coarse occlusion test missed (turned across, or grown).
  for (const axis of [0, 1]) {
    const [a, b] = axis === 0 ? [0, 1] : [2, 3];
    const dim = box.size[axis];
    const spare = j.gap[a] + j.gap[b];
    const share = solid ? BOTH_ENDS_SHARE : OUTLINE_BOTH_ENDS_SHARE;
    if (emptyEnd[a] && emptyEnd[b] && spare >= Math.max(BOTH_ENDS_MIN, share * dim)) {
      // Fewer returns than an error needs: a warning (for a rider, one empty end alone says nothing).
      return result(
        j.n >= ERROR_RETURNS ? 'error' : 'warning',
        `${box.label} box is ${fmt(spare, 1)} m ${axis === 0 ? 'longer' : 'wider'} than its object: the sensor saw both of the ` +
          `object's ${axis === 0 ? 'ends' : 'sides'} stop ${fmt(j.gap[a], 1)} and ${fmt(j.gap[b], 1)} m inside its faces ${refit}`,
      );
    }
  }
  // A rider's outline (thin wheels, a frame) can stop short of one face of a right box.
  if (!solid) return null;
  return result(
    'warning',
    `${box.label} box reaches ${fmt(j.gap[worst], 1)} m past its object at its ${FACE_NAMES[worst]}, ` +
      `where the sensor saw the object's ${worst < 2 ? 'side' : 'end'} stop ${refit}`,
  );
}

/**
 * A rider box wider across the line of sight than its object on both sides by max(0.25 m, 15 %
 * of the box's width there) + 0.5 % of the range, both margins seen empty: a box turned across a
 * rider seen from behind or ahead. An error with 25 returns and margins 1.5 × that.
 */
function widerThanSeen(box: Cuboid, j: FitJudgement, across: AcrossSight | null): CheckResult | null {
  if (across === null || !across.seen[0] || !across.seen[1]) return null;
  const need = Math.max(ACROSS_MIN, ACROSS_SHARE * across.boxWidth) + ACROSS_PER_M * j.range;
  const [a, b] = across.margins;
  if (!(a >= need && b >= need)) return null;
  const sure = j.n >= ERROR_RETURNS && a >= ACROSS_ERROR * need && b >= ACROSS_ERROR * need;
  return {
    ruleId: 'fitDisagreement',
    severity: sure ? 'error' : 'warning',
    cuboidId: box.id,
    location: null,
    message:
      `${box.label} box is ${fmt(across.boxWidth, 1)} m wide across the line of sight, but the sensor saw its object only ` +
      `${fmt(across.objectWidth, 1)} m wide there, with ${fmt(a, 1)} and ${fmt(b, 1)} m seen empty on either side: it is turned ` +
      `across its object or too big (refit from ${plural(j.n, 'return')})`,
    dictionaryEntry: 'box-follows-points',
  };
}

/** Rider boxes: the empty margin needed on both sides across the line of sight (metres, share of the box's width there, per metre of range). */
const ACROSS_MIN = 0.25;
const ACROSS_SHARE = 0.15;
const ACROSS_PER_M = 0.005;
/** An error needs both margins this many times that. */
const ACROSS_ERROR = 1.5;

/** Both ends of an axis empty: an error when the gaps add up to this much (metres) and this share of the box's size. */
const BOTH_ENDS_MIN = 0.8;
const BOTH_ENDS_SHARE = 0.3;
/**
 * For riders and people (no box-shaped outline: a bicycle's spoked wheels return little) both
 * ends must be empty over half the box: a rider box turned across the line of sight (1.7 m wide
 * where the sensor sees a 0.6 m back) and not a right box whose wheels were missed.
 */
const OUTLINE_BOTH_ENDS_SHARE = 0.5;

/** Smallest gap (metres) between a face and its object reported as the box reaching past it. */
function emptyEndAt(box: Cuboid, f: number, range: number, solid: boolean): number {
  const dim = f < 2 ? box.size[0] : box.size[1];
  const perM = solid && f < 2 ? EMPTY_END_PER_M : OUTLINE_EMPTY_END_PER_M;
  return Math.max(solid ? EMPTY_END_MIN : OUTLINE_EMPTY_END_MIN, EMPTY_END_SHARE * dim) + perM * range;
}

/**
 * Whether the strip of the box's surface between face f and `gap` metres inside it, on the side
 * the sensor sees, was in view: at least 4 of 6 samples (3 along the strip, at 30 % and 70 % of
 * the height) not hidden behind nearer obstacle points.
 */
function stripSeen(img: RangeImage, box: Cuboid, f: number, gap: number, sensorLocal: readonly number[]): boolean {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const hl = box.size[0] / 2;
  const hw = box.size[1] / 2;
  const hh = box.size[2] / 2;
  let seen = 0;
  for (const t of [0.2, 0.5, 0.8]) {
    for (const v of [-0.4, 0.4]) {
      // Along the axis of face f, from the face inwards; on the seen face of the other axis.
      const inward = (f < 2 ? hl : hw) - t * gap;
      const along = f === 0 || f === 2 ? inward : -inward;
      const lx = f < 2 ? along : Math.sign(sensorLocal[0]) * hl;
      const ly = f < 2 ? Math.sign(sensorLocal[1]) * hw : along;
      const x = box.center[0] + lx * c - ly * s;
      const y = box.center[1] + lx * s + ly * c;
      if (!isOccluded(img, x, y, box.center[2] + v * hh, 0.3)) seen++;
    }
  }
  return seen >= 4;
}
