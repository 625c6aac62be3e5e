import type { Cuboid } from '../../types.ts';
import type { CheckContext } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { fmt, plural } from '../formatNumber.ts';
import { headingModeOf } from './judgeFit.ts';
import { allReturnsImage } from './allReturnsImage.ts';
import { seenThrough } from './seenThrough.ts';

/**
 * An end of the silhouette seen through must be this wide (metres) plus two columns (the sensor's
 * azimuth resolution: where a true edge falls within a column, and a rounded corner).
 */
const WING_MIN = 0.4;
const WING_COLUMNS = 2;
/** The object must be seen in or within 1 m of the box: returns in at least this many columns of its silhouette, and this many returns. */
const MIN_OCCUPIED = 3;
const MIN_POINTS = 5;
/** An error: this many returns of the object, and both ends seen through or one by 1.5 times the need. */
const ERROR_POINTS = 10;
const ERROR_ONE_WING = 1.5;

/**
 * A vehicle box (a class refitted as a rectangle) that the sensor saw through beside its object
 * (`seenThrough`): at one end of its silhouette, or both, its beams crossed the box's body in
 * view and came back from beyond it, nothing from inside it, over 0.4 m plus two columns of the sensor's azimuth
 * resolution), while they did hit the object in the box elsewhere. A box turned across a vehicle
 * end-on (both ends), or moved off it across the line of sight or turned while its side shows (one end). A warning; an error
 * with 10 returns in the box when both ends are so or one by 1.5 times that.
 */
export function besideObject(ctx: CheckContext, box: Cuboid): CheckResult | null {
  if (headingModeOf(ctx.dictionary.classes[box.label]) !== 'rectangle') return null;
  if (!box.size.every((v) => Number.isFinite(v) && v > 0) || !box.center.every(Number.isFinite) || !Number.isFinite(box.yaw)) return null;
  const analysis = analysisOf(ctx);
  const seen = seenThrough(ctx.positions, analysis.grid, analysis.sensor, allReturnsImage(analysis, ctx.positions), box);
  if (seen === null || seen.nearColumns < MIN_OCCUPIED || seen.nearPoints < MIN_POINTS) return null;
  const need = WING_MIN + WING_COLUMNS * seen.column;
  const [a, b] = seen.wings;
  if (!(Math.max(a, b) >= need)) return null;
  const both = Math.min(a, b) >= need;
  const sure = seen.nearPoints >= ERROR_POINTS && (both || Math.max(a, b) >= ERROR_ONE_WING * need);
  const where = both ? `${fmt(a, 1)} and ${fmt(b, 1)} m at both ends` : `${fmt(Math.max(a, b), 1)} m at one end`;
  return {
    ruleId: 'fitDisagreement',
    severity: sure ? 'error' : 'warning',
    cuboidId: box.id,
    location: null,
    message:
      `${box.label} box is ${fmt(seen.width, 1)} m wide across the line of sight, but the sensor saw through it beside its object, ` +
      `${where}: it is ${both ? 'turned across its object or too big' : 'off its object sideways or turned'} (${plural(seen.nearPoints, 'return')} of it in view)`,
    dictionaryEntry: 'box-follows-points',
  };
}
