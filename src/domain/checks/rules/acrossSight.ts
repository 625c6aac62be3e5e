import type { Cuboid } from '../../types.ts';
import { isOccluded } from '../frame/RangeImage.ts';
import { keep2 } from './keepTwoExtremes.ts';
import type { RangeImage } from '../frame/RangeImage.ts';

/** How a box and its object compare across the line of sight (metres). */
export interface AcrossSight {
  /** The box's footprint across the line of sight from the sensor to its centre. */
  boxWidth: number;
  /** The lower half of the object's points across it (second-outermost each way): the bicycle, not the shoulders; all of them when the lower half shows too little. */
  objectWidth: number;
  /** Empty width between the object and the box's outline on each side. */
  margins: [number, number];
  /** Per side, whether the sensor saw that empty margin (not hidden behind nearer points). */
  seen: [boolean, boolean];
}

/** The object's width is read from its lower half (a bicycle, legs), not a rider's shoulders... */
const LOWER = 0.5;
/** ...and only with at least this many points there: spoked wheels seen by a sparse scanner may return nothing. */
const MIN_LOW = 5;
/** Share of the box's width across the line of sight that the lower half fills. */
const WIDTH_SHARE = 0.5;
/** Without the lower half, the whole outline is used from this many points, seen over this share of the box's height. */
const MIN_ALL = 10;
const OUTLINE_SPAN = 0.3;
/** The margin strips are sampled at these shares of the height over which the object was seen. */
const SAMPLE_HEIGHTS = [0.5, 0.85];

/**
 * Compares the box's width across the line of sight with its object's lower half (`xyz`: `n`
 * box-local points, as `gatherObject` leaves them; `sensorLocal`: the sensor in box-local
 * coordinates; with fewer than 5 points in the lower half, a bicycle the sensor did not see, the
 * whole outline against the box's whole width, from 10 points), and
 * asks the range image whether each empty margin beside the object was in view: at the depth of
 * the object's nearest points, at 50 % and 85 % of the height over which the object was seen,
 * in that elevation row (the row below may hold the top edge of what hides the rest). A rider seen from behind or
 * ahead shows a 0.6 m back whichever way the box is turned, but a box turned across it is wider
 * than that across the line of sight, on both sides, where the sensor saw past the rider. Null
 * for a box at the sensor or without points.
 */
export function acrossSight(box: Cuboid, xyz: Float64Array, n: number, sensorLocal: readonly number[], img: RangeImage): AcrossSight | null {
  const [sx, sy] = sensorLocal;
  const r = Math.hypot(sx, sy);
  if (!(r > 1) || n < 3) return null;
  // Line of sight (sensor → box centre) and its perpendicular, box-local.
  const dx = -sx / r;
  const dy = -sy / r;
  const px = -dy;
  const py = dx;
  // The two smallest and the two largest positions across the line of sight (`keep2`), of the
  // lower half and of all the points, and the two lowest and highest points.
  const lowExtremes = [Infinity, Infinity, -Infinity, -Infinity];
  const allExtremes = [Infinity, Infinity, -Infinity, -Infinity];
  const heights = [Infinity, Infinity, -Infinity, -Infinity];
  let near = Infinity;
  let lowCount = 0;
  const hh = box.size[2] / 2;
  const lowTop = -hh + LOWER * box.size[2];
  for (let k = 0; k < n; k++) {
    const x = xyz[3 * k];
    const y = xyz[3 * k + 1];
    const z = xyz[3 * k + 2];
    const a = x * px + y * py;
    near = Math.min(near, x * dx + y * dy);
    keep2(allExtremes, a);
    keep2(heights, z);
    if (z > lowTop) continue;
    lowCount++;
    keep2(lowExtremes, a);
  }
  // The bicycle in the lower half is a thin line along the length, so there the box's width
  // counts half. Without it (spokes return little, or something nearer hides it), the rider's
  // whole outline against the box's whole width: shoulders and handlebars are as wide as the
  // box, no wider.
  const lowSeen = lowCount >= MIN_LOW;
  // The outline alone needs the body seen down to the handlebars, not a head over a car roof.
  if (!lowSeen && (n < MIN_ALL || heights[2] - heights[1] < OUTLINE_SPAN * box.size[2])) return null;
  const share = lowSeen ? WIDTH_SHARE : 1;
  const half = (box.size[0] / 2) * Math.abs(px) + share * (box.size[1] / 2) * Math.abs(py);
  const extremes = lowSeen ? lowExtremes : allExtremes;
  const low = extremes[1];
  const high = extremes[2];
  // The margins are looked at where the object itself was seen: a rider whose legs a car
  // behind the ego hides shows its shoulders, and the empty margins beside them.
  const bottom = Math.max(-hh, heights[1]);
  const top = Math.min(hh, heights[2]);
  const band = top > bottom ? [bottom, top] : [-hh, hh];
  const margins: [number, number] = [half - high, half + low];
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const seenSide = (sign: 1 | -1, margin: number): boolean => {
    if (!(margin > 0)) return false;
    const across = sign === 1 ? high + margin / 2 : low - margin / 2;
    const lx = across * px + near * dx;
    const ly = across * py + near * dy;
    const wx = box.center[0] + lx * c - ly * s;
    const wy = box.center[1] + lx * s + ly * c;
    return SAMPLE_HEIGHTS.every((t) => !isOccluded(img, wx, wy, box.center[2] + band[0] + t * (band[1] - band[0]), 0.3, 0));
  };
  return { boxWidth: 2 * half, objectWidth: high - low, margins, seen: [seenSide(1, margins[0]), seenSide(-1, margins[1])] };
}
