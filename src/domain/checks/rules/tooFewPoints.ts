import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { fmt, plural } from '../formatNumber.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { pointsNeeded } from '../pointsNeeded.ts';
import { isAtScanEdge } from './isAtScanEdge.ts';
import { targetIndices } from './targetIndices.ts';

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
 */
export const tooFewPoints: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const targets = targetIndices(ctx);
  if (targets.length === 0) return out;
  const analysis = analysisOf(ctx);
  for (const i of targets) {
    const box = ctx.cuboids[i];
    const rule = ctx.dictionary.classes[box.label];
    if (rule === undefined) continue;
    const needed = pointsNeeded(rule, box, analysis);
    const have = ctx.pointCounts[i] ?? 0;
    if (have >= needed.need) continue;
    // Declared occlusion or truncation excuses a shortfall, not a box that missed its object
    // altogether (under a quarter of the minimum where the object should be sure to show).
    const declared =
      (box.attributes.occluded === 2 ||
        (box.attributes.truncated >= 0.5 && isAtScanEdge(box, analysis, ctx.dictionary.settings.egoRadius))) &&
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
