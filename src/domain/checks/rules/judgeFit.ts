import type { Cuboid } from '../../types.ts';
import type { ClassRule } from '../dictionary/EdgeCaseDictionary.ts';
import type { GatheredObject } from './gatherObject.ts';
import type { HeadingScratch } from './refitHeading.ts';
import { hugShare, refitHeading } from './refitHeading.ts';
import { pointComponents } from '../../geometry/cellComponents.ts';

/** Faces of a box, box-local: 0 front +x, 1 rear −x, 2 left +y, 3 right −y, 4 top +z. */
export const FACE_NAMES = ['front', 'rear', 'left side', 'right side', 'top'] as const;

/** How the heading of a class is refitted: rectangle (L-shape), line (principal axis) or not at all. */
export type HeadingMode = 'rectangle' | 'line' | null;

/** What the refit says about one box (all lengths metres, angles degrees). */
export interface FitJudgement {
  /** Object points the refit used. */
  n: number;
  /** Bird's-eye-view distance of the box from the sensor. */
  range: number;
  /** Angle between the box's length axis and the refit's, 0–90°; null when not judged. */
  turn: number | null;
  /** One standard deviation of the refit heading. */
  sigma: number;
  /**
   * Vehicles: share of the points near the faces at the refit heading minus that at the box's
   * heading (how much better the refit explains the visible faces); 1 for other classes.
   */
  hugGain: number;
  /** Whether the refit's long axis is known (the object is longer than its class can be wide). */
  longAxisKnown: boolean;
  /** Per face: how far the third-outermost object point (the top: the second-highest) lies beyond it (≤ 0 when inside). */
  beyond: number[];
  /** Per face: object points beyond it by more than its tolerance `tolerance[f]`. */
  countBeyond: number[];
  tolerance: number[];
  /** Per face: the object goes on to the edge of the gathered region (a larger structure). */
  atReach: readonly boolean[];
  /**
   * The top judged over the core of the footprint only (the middle 60 % each way, `TOP_CORE`),
   * for a box beside a larger structure: its object points there (`n`, at any height), how many
   * of them lie above the top beyond its tolerance (`count`) and the third-highest's height above
   * the top (`beyond`, metres); and `spread`, the object points above the top and well beside the
   * footprint (beyond `SPREAD` times its half-extents plus the margin): a crown or an overhang
   * spreading over the box rather than its own object rising through its top.
   */
  core: { n: number; count: number; beyond: number; spread: number };
  /** Per side face (0 front, 1 rear, 2 left, 3 right): gap between it and the object's nearest point. */
  gap: number[];
  /** Per axis (0 length, 1 width): gap between the object and the face opposite to the larger protrusion. */
  slack: [number, number];
  /** Per axis: whether both ends of the object along it are in the sensor's view. */
  endsSeen: [boolean, boolean];
  /** Object points outside the box grown by the margin, over all object points. */
  outsideShare: number;
  outside: number;
}

/**
 * Tolerance (metres) of a protrusion beyond the ends / sides, plus 0.4 % of the range (range noise
 * and beam width spread returns across the line of sight), and the top, plus 0.2 % of the range
 * (beam divergence only).
 */
const END_TOLERANCE = 0.15;
const SIDE_TOLERANCE = 0.2;
const TOP_TOLERANCE = 0.08;
const TOLERANCE_PER_M = 0.004;
const TOP_TOLERANCE_PER_M = 0.002;
/** Range noise floor of a face's residuals (metres), plus 0.2 % of the range. */
const NOISE = 0.03;
const NOISE_PER_M = 0.002;
/** A class smallest width of at least this (metres) makes a rectangle from above (a vehicle). */
const RECTANGLE_MIN_WIDTH = 1.0;
/** A class whose typical length is this many times its width has a heading to judge. */
const ELONGATED = 1.6;
/** The refit's long axis is known when its span exceeds the class's largest width by this (metres). */
const LONG_AXIS_MARGIN = 0.3;

/** Vehicles' headings are refitted on the points in the lower 60 % of the box (below the windows)... */
const LOWER_BODY = 0.6;
/** ...when at least 10 points and 30 % of the object are there. */
const MIN_LOWER_POINTS = 10;
const MIN_LOWER_SHARE = 0.3;
/**
 * Riders: the heading is refitted to the part of the points that is one body, BEV cells of
 * RIDER_CELL + RIDER_CELL_PER_M × range metres linking it (points up to one cell apart always,
 * over 2.9 cells never; 0.18 m at 10 m, 0.27 m at 40 m, where a 16-beam scan's columns are
 * 0.14 m apart), when that part holds at least RIDER_BODY_SHARE of them: a bollard inside a box
 * turned 30° off a cyclist pulled the principal axis 20° towards the box's.
 */
const RIDER_CELL = 0.15;
const RIDER_CELL_PER_M = 0.003;
const RIDER_BODY_SHARE = 0.5;
/** A rider's points (at least RIDER_ELONGATED_POINTS) this many times as long as wide run along its length (`judgeFit`). */
const RIDER_ELONGATED = 2;
const RIDER_ELONGATED_POINTS = 40;
/** ...and longer than a typical rider is wide by this (metres). */
const RIDER_LONG_MARGIN = 0.2;

/** Points within this distance (metres, plus the range noise) of a fitted edge are on that face. */
const HUG_BAND = 0.1;
/** A refit must gain at least this share of points on its faces to matter (the rule's warning). */
const SETTLED_HUG_GAIN = 0.1;

/** How the heading of a class is refitted, from its dictionary sizes. */
export function headingModeOf(rule: ClassRule | undefined): HeadingMode {
  if (rule === undefined) return null;
  const mid = (r: readonly number[]) => (r[0] + r[1]) / 2;
  if (mid(rule.size.l) < ELONGATED * mid(rule.size.w)) return null;
  return rule.size.w[0] >= RECTANGLE_MIN_WIDTH ? 'rectangle' : 'line';
}

/**
 * Compares a box with the refit of its object (`object`: box-local points in `xyz`, as
 * `gatherObject` leaves them; reordered in place). `sensorLocal`: the sensor origin in box-local
 * coordinates; `range`: the box's BEV distance from it (metres); `margin`: the dictionary's fit
 * margin. When the object's surface goes on to the edge of the gathered region (a wall), the
 * heading is refitted from the points inside the box (grown by the margin) only.
 */
/** Share of each half-extent of the footprint over which points above the top count. */
const TOP_CORE = 0.6;
/** Points above the top beyond this multiple of the half-extents spread wider than a cut-off object would. */
const SPREAD = 1.6;

export function judgeFit(
  box: Cuboid,
  rule: ClassRule | undefined,
  object: GatheredObject,
  xyz: Float64Array,
  sensorLocal: [number, number, number],
  range: number,
  margin: number,
  headingScratch: HeadingScratch,
): FitJudgement {
  const n = object.n;
  const hl = box.size[0] / 2;
  const hw = box.size[1] / 2;
  const hh = box.size[2] / 2;
  const noise = NOISE + NOISE_PER_M * range;
  const rangeTol = TOLERANCE_PER_M * range;
  const tolerance = [
    END_TOLERANCE + rangeTol,
    END_TOLERANCE + rangeTol,
    SIDE_TOLERANCE + rangeTol,
    SIDE_TOLERANCE + rangeTol,
    TOP_TOLERANCE + TOP_TOLERANCE_PER_M * range,
  ];
  // Third-outermost protrusion per face, counts beyond the tolerance, and (side faces) the gap
  // between the face and the object's nearest point to it.
  const top3 = [
    [-Infinity, -Infinity, -Infinity],
    [-Infinity, -Infinity, -Infinity],
    [-Infinity, -Infinity, -Infinity],
    [-Infinity, -Infinity, -Infinity],
    [-Infinity, -Infinity, -Infinity],
  ];
  const countBeyond = [0, 0, 0, 0, 0];
  const lowest = [Infinity, Infinity, Infinity, Infinity];
  const core = { n: 0, count: 0, beyond: -Infinity, spread: 0 };
  const coreTop3 = [-Infinity, -Infinity, -Infinity];
  for (let k = 0; k < n; k++) {
    const x = xyz[3 * k];
    const y = xyz[3 * k + 1];
    const z = xyz[3 * k + 2];
    // The top over the core of the footprint: a hedge or a wall the box grazes rises through its
    // edge without the box cutting its object (a head is central).
    if (Math.abs(x) <= TOP_CORE * hl && Math.abs(y) <= TOP_CORE * hw) {
      core.n++;
      const v = z - hh;
      if (v > tolerance[4]) core.count++;
      if (v > coreTop3[2]) {
        coreTop3[2] = v;
        coreTop3.sort((a, b) => b - a);
      }
    } else if (z - hh > tolerance[4] && (Math.abs(x) > SPREAD * hl + margin || Math.abs(y) > SPREAD * hw + margin)) core.spread++;
    for (let f = 0; f < 5; f++) {
      const v = f === 0 ? x - hl : f === 1 ? -x - hl : f === 2 ? y - hw : f === 3 ? -y - hw : z - hh;
      if (f < 4 && -v < lowest[f]) lowest[f] = -v;
      if (v > tolerance[f]) countBeyond[f]++;
      const t = top3[f];
      if (v > t[2]) {
        if (v > t[0]) {
          t[2] = t[1];
          t[1] = t[0];
          t[0] = v;
        } else if (v > t[1]) {
          t[2] = t[1];
          t[1] = v;
        } else t[2] = v;
      }
    }
  }
  // Ends and sides: the third-outermost point (range noise and mixed returns at an edge spread
  // points across the line of sight). The top: the second-highest, since heights carry little
  // noise (the beam's divergence) and a head seen at range is one row of two or three returns.
  const beyond = top3.map((t, f) => (f === 4 ? t[1] : t[2]));
  const slack: [number, number] = [0, 0];
  for (const a of [0, 1]) {
    // The side opposite to the larger protrusion.
    const far = beyond[2 * a] >= beyond[2 * a + 1] ? 2 * a + 1 : 2 * a;
    slack[a] = lowest[far];
  }
  const [sx, sy] = sensorLocal;
  const endsSeen: [boolean, boolean] = [Math.abs(sy) > hw, Math.abs(sx) > hl];

  let turn: number | null = null;
  let sigma = Infinity;
  let longAxisKnown = false;
  let hugGain = 1;
  const mode = headingModeOf(rule);
  if (mode !== null && rule !== undefined) {
    // Vehicles: the body below the windows (the box's lower 60 %), where glass lets no beam in
    // to hit the seats, when enough of the object is there. The points are reordered in place.
    // Touching a larger structure (a wall): the heading from the points inside the box only.
    let m = object.atReach.some(Boolean) ? partitionInside(xyz, n, hl + margin, hw + margin) : n;
    if (mode === 'line') m = partitionBody(xyz, m, RIDER_CELL + RIDER_CELL_PER_M * range);
    if (mode === 'rectangle') {
      const low = partitionBelow(xyz, m, -hh + LOWER_BODY * box.size[2]);
      if (low >= MIN_LOWER_POINTS && low >= MIN_LOWER_SHARE * m) m = low;
    }
    // When the box's own axes already put nearly every point on its faces, no refit can explain
    // them clearly better (`hugGain` below): the search is skipped and the box's axes kept.
    const band = HUG_BAND + noise;
    const hugBox = mode === 'rectangle' ? hugShare(xyz, m, 0, band) : 0;
    const settled = hugBox >= 1 - SETTLED_HUG_GAIN;
    const fit = refitHeading(xyz, m, mode, 0.01 + 0.0015 * range, noise, headingScratch, settled ? 0 : undefined);
    if (fit !== null && Number.isFinite(fit.sigma)) {
      sigma = (fit.sigma * 180) / Math.PI;
      const deg = (fit.angle * 180) / Math.PI;
      const long = Math.max(fit.spanAlong, fit.spanAcross);
      const short = Math.min(fit.spanAlong, fit.spanAcross);
      // A rider's points also run along its length when there are enough of them, twice as long
      // as wide and longer than a typical rider is wide (a bicycle seen from behind shows 1.1–1.5 m
      // of depth; 17 returns of a cyclist 46 m away on a KITTI frame looked 24° off its box).
      const widest = Math.max(rule.size.w[1], box.size[1]);
      const typical = Math.max((rule.size.w[0] + rule.size.w[1]) / 2, box.size[1]);
      longAxisKnown =
        long > 1.3 * short &&
        (long > widest + LONG_AXIS_MARGIN ||
          (mode === 'line' && m >= RIDER_ELONGATED_POINTS && long > typical + RIDER_LONG_MARGIN && long > RIDER_ELONGATED * short));
      if (longAxisKnown) {
        // The long axis's angle from the box's length axis, 0–90°.
        const axis = mode === 'rectangle' && fit.spanAcross > fit.spanAlong ? deg + 90 : deg;
        const r = ((axis % 180) + 180) % 180;
        turn = Math.min(r, 180 - r);
      } else if (mode === 'rectangle') {
        const r = ((deg % 90) + 90) % 90;
        turn = Math.min(r, 90 - r);
      }
      if (mode === 'rectangle') hugGain = settled ? 0 : hugShare(xyz, m, fit.angle, band) - hugBox;
    }
  }
  return {
    n,
    core: { ...core, beyond: coreTop3[2] },
    range,
    turn,
    sigma,
    hugGain,
    longAxisKnown,
    beyond,
    countBeyond,
    tolerance,
    atReach: object.atReach,
    gap: lowest,
    slack,
    endsSeen,
    outsideShare: n > 0 ? object.outside / n : 0,
    outside: object.outside,
  };
}

/** Moves the points (3 per point) with z ≤ `zMax` to the front; returns how many there are. */
function partitionBelow(xyz: Float64Array, n: number, zMax: number): number {
  let low = 0;
  for (let k = 0; k < n; k++) {
    if (xyz[3 * k + 2] > zMax) continue;
    swapPoints(xyz, low, k);
    low++;
  }
  return low;
}

/** Moves the points (3 per point) with |x| ≤ `ax` and |y| ≤ `ay` to the front; returns how many. */
function partitionInside(xyz: Float64Array, n: number, ax: number, ay: number): number {
  let inside = 0;
  for (let k = 0; k < n; k++) {
    if (Math.abs(xyz[3 * k]) > ax || Math.abs(xyz[3 * k + 1]) > ay) continue;
    swapPoints(xyz, inside, k);
    inside++;
  }
  return inside;
}

/**
 * Moves the points (3 per point) of the largest part that `cell`-metre BEV cells link to the
 * front when it holds at least `RIDER_BODY_SHARE` of them; returns how many points are in front.
 */
function partitionBody(xyz: Float64Array, n: number, cell: number): number {
  const parts = pointComponents(xyz.subarray(0, 3 * n), cell);
  if (parts === null || parts.count < 2) return n;
  const counts = new Int32Array(parts.count);
  for (let k = 0; k < n; k++) counts[parts.of[k]]++;
  let body = 0;
  for (let c = 1; c < parts.count; c++) if (counts[c] > counts[body]) body = c;
  if (counts[body] < RIDER_BODY_SHARE * n) return n;
  let front = 0;
  for (let k = 0; k < n; k++) {
    if (parts.of[k] !== body) continue;
    swapPoints(xyz, front, k);
    parts.of[k] = parts.of[front];
    parts.of[front] = body;
    front++;
  }
  return front;
}

function swapPoints(xyz: Float64Array, a: number, b: number): void {
  if (a === b) return;
  for (let o = 0; o < 3; o++) {
    const t = xyz[3 * a + o];
    xyz[3 * a + o] = xyz[3 * b + o];
    xyz[3 * b + o] = t;
  }
}
