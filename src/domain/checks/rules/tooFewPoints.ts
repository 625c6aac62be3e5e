import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { fmt, plural } from '../formatNumber.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { pointsNeeded } from '../pointsNeeded.ts';
import { isAtScanEdge } from './isAtScanEdge.ts';
import { targetIndices } from './targetIndices.ts';
import { unboxedNearBox } from '../unboxedNearBox.ts';
import { coverageMask } from '../../geometry/coverageMask.ts';
import type { PointsNeeded } from '../pointsNeeded.ts';
import type { FrameAnalysis } from '../frame/FrameAnalysis.ts';
import type { Cuboid } from '../../types.ts';

/** How far around a short box (metres) its object is looked for: 75 % of its longer side, 1.5–3.5 m. */
const SLIP_REACH_SHARE = 0.75;
const SLIP_MIN_REACH = 1.5;
const SLIP_MAX_REACH = 3.5;
/** Those points may span the class's longest length plus this (metres); more and they are part of something larger. */
const SLIP_SPAN_SLACK = 0.5;
/** Share of a box hidden behind nearer points from which those points may be its own object. */
const HIDDEN = 0.5;
/** Unboxed points next to it that make a short box "slipped off": at least this many... */
const SLIP_MIN_POINTS = 10;
/** ...and twice what the box holds. */
const SLIP_OVER_HELD = 2;

/**
 * A box holds fewer points than its class needs there: `minPoints.fraction` of the returns the
 * scan's sensor would give on an object filling the box (its beams and resolution at that range,
 * minus what nearer points hide; `pointsNeeded`), never fewer than `minPoints.floor`.
 *
 * Error when the shortfall is sure (the object should give at least 10 points); a warning when
 * the sensor would give so few that an empty box can be chance (far or small objects), when the
 * box is declared largely occluded (occluded = 2), or mostly truncated (truncated ≥ 0.5) at the
 * edge of the scan, since the SOP asks to box such objects anyway, unless it holds under a
 * quarter of the minimum where the object should be sure to show (the box missed its object).
 *
 * A box more than half hidden that holds enough for its visible part but under the class's share
 * of what it would give unhidden is asked whether the points hiding it are its own object
 * (`slippedOff`): a box turned 90° or pushed back behind a car seen end-on hides in the shadow
 * of that car's rear face.
 */
export const tooFewPoints: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const targets = targetIndices(ctx);
  if (targets.length === 0) return out;
  const analysis = analysisOf(ctx);
  // Which points lie in any box: built once, and only when many boxes crowd one (see unboxedNearBox).
  let mask: Uint8Array | null = null;
  const coverage = (): Uint8Array => (mask ??= coverageMask(ctx.positions, ctx.cuboids, analysis.grid));
  for (const i of targets) {
    const box = ctx.cuboids[i];
    const rule = ctx.dictionary.classes[box.label];
    if (rule === undefined) continue;
    const needed = pointsNeeded(rule, box, analysis);
    const have = ctx.pointCounts[i] ?? 0;
    // Enough for what the sensor sees of it, but short of what it would see unhidden: the points
    // hiding it may be its own object, standing in front of it (a box turned or pushed back).
    const hiddenShort = have < rule.minPoints.fraction * needed.unoccluded && needed.occludedFraction >= HIDDEN;
    if (have >= needed.need && !hiddenShort) continue;
    const slipped = slippedOff(analysis, box, ctx.cuboids, have, needed, rule.minPoints.fraction, rule.size.l[1], coverage);
    if (slipped !== null) {
      out.push({
        ruleId: 'tooFewPoints',
        severity: 'error',
        cuboidId: box.id,
        location: null,
        message:
          `${box.label} box ${have === 0 ? 'holds no points' : `holds only ${plural(have, 'point')}`}, but ` +
          `${plural(slipped.count, 'point')} that no box holds lie within ${fmt(Math.max(0.1, slipped.nearest), 1)}–${fmt(slipped.reach, 1)} m of it: ` +
          'the box has slipped off its object (or that object needs a box of its own)',
        dictionaryEntry: 'box-fits-object',
      });
      continue;
    }
    if (have >= needed.need) continue;
    // Declared occlusion or truncation excuses a shortfall, not a box that missed its object
    // altogether (under a quarter of the minimum where the object should be sure to show).
    const declared =
      (box.attributes.occluded === 2 || (box.attributes.truncated >= 0.5 && isAtScanEdge(box, analysis, ctx.dictionary.settings.egoRadius))) &&
      !(needed.sure && have < needed.need / 4);
    const holds = have === 0 ? 'holds no points' : `holds ${plural(have, 'point')}`;
    const unseen = needed.basis === 'sensor' && needed.expected < 1;
    const why = unseen
      ? `at ${fmt(needed.distance)} m the sensor could not see it (` +
        (needed.occludedFraction >= 0.5 ? `${fmt(100 * needed.occludedFraction)} % hidden behind nearer points` : 'no beam crosses it') +
        '): check it in the camera image or the neighbouring frames'
      : needed.basis === 'sensor'
        ? `the sensor would give about ${fmt(needed.expected)} returns on ` +
          (needed.occludedFraction >= 0.05 ? `its visible part (${fmt(100 * needed.occludedFraction)} % is hidden) ` : 'it ') +
          `at ${fmt(needed.distance)} m, and a ${box.label} needs ${fmt(100 * rule.minPoints.fraction)} % of them (at least ${needed.need})`
        : `at ${fmt(needed.distance)} m a ${box.label} needs at least ${needed.need}`;
    out.push({
      ruleId: 'tooFewPoints',
      severity: declared || !needed.sure ? 'warning' : 'error',
      cuboidId: box.id,
      location: null,
      message:
        `${box.label} box ${holds}; ${why}` +
        (declared ? ' (the box is marked occluded or truncated)' : !needed.sure && !unseen ? ' (too few returns expected to be sure)' : ''),
      dictionaryEntry: declared ? 'heavily-occluded' : `classes.${box.label}.minPoints`,
    });
  }
  return out;
};

/**
 * A box short of points with an unboxed object beside or in front of it: at least 10 obstacle
 * points, twice what the box holds, and the class's share of what the box would give unoccluded
 * (`minPoints.fraction` × the sensor model's count), within 75 % of the box's longer side (1.5–3.5 m)
 * and in no box, spanning no more than the class's longest length + 0.5 m along either axis of
 * the box (longer and they belong to something larger: a hedge, a wall). Such a box was moved, turned or drawn off its
 * object (and may even hide behind it, in the shadow its own object casts): an error even when
 * the box is marked occluded, since occlusion explains missing points, not an object beside the
 * box. Null when that is not so.
 */
function slippedOff(
  analysis: FrameAnalysis,
  box: Cuboid,
  boxes: readonly Cuboid[],
  have: number,
  needed: PointsNeeded,
  fraction: number,
  maxLength: number,
  coverage: () => Uint8Array,
): { count: number; nearest: number; reach: number } | null {
  if (!box.size.every((v) => Number.isFinite(v) && v > 0) || !box.center.every(Number.isFinite) || !Number.isFinite(box.yaw)) return null;
  const reach = Math.min(SLIP_MAX_REACH, Math.max(SLIP_MIN_REACH, SLIP_REACH_SHARE * Math.max(box.size[0], box.size[1])));
  const near = unboxedNearBox(analysis, box, boxes, reach, maxLength + SLIP_SPAN_SLACK, coverage);
  const wanted = Math.max(SLIP_MIN_POINTS, SLIP_OVER_HELD * have, Number.isFinite(needed.unoccluded) ? fraction * needed.unoccluded : 0);
  if (near.count < wanted || Math.max(near.span[0], near.span[1]) > maxLength + SLIP_SPAN_SLACK) return null;
  return { count: near.count, nearest: near.nearest, reach };
}
