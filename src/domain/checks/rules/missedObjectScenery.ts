import type { FrameAnalysis } from '../frame/FrameAnalysis.ts';
import type { ScanSensor } from '../../sensor/ScanSensor.ts';
import { hiddenBelow } from './hiddenBelow.ts';
import { topBeamGap } from './missedObjectScore.ts';
import type { MissedCandidate } from './missedObjectScore.ts';

/** Below this vertical span (metres) a cluster is one scan line of clutter, when beams lie closer than SPARSE_GAP there. */
const MIN_SPAN = 0.25;
const SPARSE_GAP = 0.35;
/**
 * A cluster narrower than this (metres, plus one firing's width) standing taller than POST_TOP is
 * a post, pole or trunk, unless its top is at a standing adult's head height (HEAD_LOW to
 * HEAD_HIGH), it is wider than one firing plus THIN and nothing is above it: a person seen
 * edge-on is as narrow, so it is either (×NARROW: a warning at most).
 */
const POST_WIDTH = 0.3;
const POST_TOP = 0.6;
const HEAD_LOW = 1.5;
const HEAD_HIGH = 2.1;
const THIN = 0.12;
/**
 * The highest return on a head lies up to one beam gap below its top: HEAD_LOW is lowered by the
 * gap at the cluster, by at most this (metres). A pedestrian 1.59 m tall 24 m from a 64-beam
 * scanner showed its top at 1.46 m and was set aside as a post.
 */
const HEAD_GAP = 0.3;
const NARROW = 0.7;
/** Lines: at least LINE_LENGTH long and narrower than LINE_WIDTH or LINE_RATIO × the length (kerbs, rails, fences). */
const LINE_LENGTH = 2;
const LINE_WIDTH = 0.25;
const LINE_RATIO = 0.1;
/** A cluster whose lowest point is this far above the ground (metres) hangs (a crown, a sign) unless hidden below. */
const RAISED = 0.6;
/** A lowest point this close (metres) above the lowest beam's height at a cluster is all the sensor could show of it. */
const VIEW_MARGIN = 0.2;
/** Points over the footprint above the top: more than this many and this share of the cluster's. */
const OVERHEAD_MIN = 10;
const OVERHEAD_SHARE = 0.2;
/**
 * One vertical face seen edge-on or flat (a fence, a wall, a hedge side): at least FACE_LENGTH long
 * and narrower than FACE_WIDTH (metres). An object lower than the sensor shows its top too.
 */
const FACE_WIDTH = 0.35;
const FACE_LENGTH = 1;
const FACE_ONLY = 0.5;
/** A face across the line of sight this long (metres) may be a vehicle's rear or front: ×END_FACE_ONLY instead. */
const END_FACE: readonly [number, number] = [1.3, 2.6];
const END_FACE_ONLY = 0.8;
/**
 * A panel: at least PANEL_LENGTH long (but under FACE_LENGTH, where `FACE_*` takes over) and flat
 * to within PANEL_DEPTH (metres) — a sign, a board, a door. A person's visible surface is curved
 * (a body is 0.2 m deep or more) and spans a tenth of a metre or more in depth from any side.
 */
const PANEL_LENGTH = 0.5;
const PANEL_DEPTH = 0.06;
const PANEL_ONLY = 0.45;
/** A structure: a cluster at least this long (metres) that is narrow (a hedge, a fence) or tall (a wall). */
const STRUCTURE_LENGTH = 8;
const STRUCTURE_WIDTH = 1.6;
const STRUCTURE_TOP = 3.2;
/** Confidence factors for what may still be an object: under a tree, beside a hedge or wall, raised but hidden below. */
const UNDER_CROWN = 0.5;
const BESIDE_STRUCTURE = 0.45;
/** Beside a structure whose top is more than OTHER_HEIGHT (metres) above or below the candidate's: ×BESIDE_OTHER_HEIGHT. */
const OTHER_HEIGHT = 0.35;
const BESIDE_OTHER_HEIGHT = 0.75;
/** Candidates at least this deep (metres, across their long axis) are not pieces of a thin structure. */
const VEHICLE_DEPTH = 1.2;
const HIDDEN_BELOW = 0.8;
const ONE_LINE = 0.7;
/** Top cut off by the highest beam: the height, the best evidence, is unknown (a tree, a wall, a truck). */
const TOP_UNSEEN = 0.45;

/**
 * How much a candidate looks like an object rather than scenery, 0 (certainly scenery) to 1.
 * `g` is its cluster group in `analysis`; `partial` when some of the group's points are in boxes
 * (then what lies above the whole group says nothing about the unboxed part).
 *
 * Scenery: one scan line (where the beams are dense enough to give more), a post or a pole (narrow
 * and standing), a line along the ground (kerb, rail, fence), a cluster hanging above the ground
 * (a crown, a sign) that nothing hides from below and whose lowest point is not the lowest the
 * sensor sees there (`belowView`: ×0.8 as when hidden), a narrow or hanging one whose top reaches the
 * highest beam (wider ones: ×0.45, their height is unknown), one with more than 10 points above it
 * over its footprint when it is narrow or tall (a trunk under its crown, a lamp post, a building).
 * Softer: a wide low cluster with many points above (a car under a tree: ×0.5), a single vertical
 * face over 1 m long and under 0.35 m deep (a fence or wall piece: ×0.5; ×0.8 when `rider`, its
 * profile a rider's over a bicycle, `isRiderProfile`), a flat panel 0.5–1 m
 * long under 6 cm deep (a sign or a board, never a person: ×0.45), one within 1.2 m of a
 * long hedge, fence or wall it may be a piece of (×0.45).
 */
export function sceneryFactor(analysis: FrameAnalysis, g: number, cand: MissedCandidate, partial: boolean, rider = false): number {
  const { clusters, groups, sensor } = analysis;
  const gap = topBeamGap(sensor, cand) * cand.range;
  const column = (sensor.azimuthStep > 0 ? sensor.azimuthStep : (0.2 * Math.PI) / 180) * cand.range;
  let f = 1;
  if (cand.top - cand.bottom < MIN_SPAN) {
    // Where the beams are dense, one line is clutter, unless something nearer hides the rest.
    if (gap < SPARSE_GAP && !hiddenBelow(analysis.rangeImage, cand)) return 0;
    f *= ONE_LINE;
  }
  if (cand.length < POST_WIDTH + column && cand.top > POST_TOP && cand.length < 0.6) {
    const head = cand.top >= HEAD_LOW - Math.min(gap, HEAD_GAP) && cand.top <= HEAD_HIGH && cand.length >= THIN + column;
    if (!head || (!partial && groups.overhead[g] > 0)) return 0;
    f *= NARROW;
  }
  if (cand.length >= LINE_LENGTH && cand.width < Math.max(LINE_WIDTH, LINE_RATIO * cand.length)) return 0;
  // A sparse scanner's lowest row on an object can lie a beam gap above the ground: only a
  // bottom higher than that proves the cluster hangs.
  if (cand.bottom > Math.max(RAISED, gap + 0.1)) {
    if (!hiddenBelow(analysis.rangeImage, cand) && !belowView(sensor, cand)) return 0;
    f *= HIDDEN_BELOW;
  }
  if (cand.topCut) {
    if (cand.length < 1 || cand.bottom > RAISED) return 0;
    f *= TOP_UNSEEN;
  }
  if (!partial && groups.overhead[g] > OVERHEAD_MIN) {
    if (cand.length < 1.2 || cand.top > 2.3) return 0;
    if (groups.overhead[g] > OVERHEAD_SHARE * groups.points[g]) f *= UNDER_CROWN;
  }
  // (One scan line shows no depth whatever it lies on: ONE_LINE said so already.) A face across
  // the line of sight as wide as a vehicle is its rear or front as often as a piece of a wall.
  if (isFace(cand)) {
    const [ox, oy] = sensor.origin;
    const across = Math.abs(Math.sin(cand.yaw - Math.atan2(cand.center[1] - oy, cand.center[0] - ox)));
    f *= rider || (across > 0.7 && cand.length >= END_FACE[0] && cand.length <= END_FACE[1]) ? END_FACE_ONLY : FACE_ONLY;
  }
  if (cand.width < PANEL_DEPTH && cand.length >= PANEL_LENGTH && cand.length <= FACE_LENGTH && cand.top - cand.bottom >= MIN_SPAN) f *= PANEL_ONLY;
  const nb = groups.neighbour[g];
  // A piece of a hedge, fence or wall is as thin as one; a cluster as deep as a vehicle beside
  // one is not a piece of it.
  if (
    nb >= 0 &&
    cand.width < VEHICLE_DEPTH &&
    clusters.length[nb] >= STRUCTURE_LENGTH &&
    (clusters.width[nb] < STRUCTURE_WIDTH || clusters.maxHeight[nb] > STRUCTURE_TOP)
  ) {
    // A piece of it stands as high as it does; something whose top is well above or below the
    // structure's (a person beside a low hedge or a high wall) is less likely a piece of it.
    f *= Math.abs(cand.top - clusters.maxHeight[nb]) > OTHER_HEIGHT ? BESIDE_OTHER_HEIGHT : BESIDE_STRUCTURE;
  }
  return f;
}

/** Whether a candidate is one vertical face (`FACE_WIDTH`, `FACE_LENGTH`): a fence or wall piece, a vehicle's end, a cyclist's side. */
export function isFace(cand: MissedCandidate): boolean {
  return cand.width < FACE_WIDTH && cand.length > FACE_LENGTH && cand.top - cand.bottom >= MIN_SPAN;
}

/**
 * Whether the candidate's lowest point is as low as the sensor sees there: within `VIEW_MARGIN`
 * of where its lowest beam passes at the candidate's near side (range less half its width). A car
 * 3 m from a VLP-16 shows nothing below 0.9 m; it stands on the ground all the same.
 */
export function belowView(sensor: ScanSensor, cand: MissedCandidate): boolean {
  if (sensor.beams === 0) return false;
  const d = Math.max(0.5, cand.range - cand.width / 2);
  return cand.bottom <= sensor.origin[2] + d * Math.tan(sensor.elevations[0]) - cand.groundZ + VIEW_MARGIN;
}
