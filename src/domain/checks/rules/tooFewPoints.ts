import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { minPointsAt } from '../dictionary/minPointsAt.ts';
import { bevDistance, fmt, plural } from '../formatNumber.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import type { FrameAnalysis } from '../frame/FrameAnalysis.ts';
import { isAtScanEdge } from './isAtScanEdge.ts';
import { targetIndices } from './targetIndices.ts';

/**
 * A box holds fewer points than its class needs at its distance (dictionary `minPoints`, by
 * distance band). Error; a warning when the box is declared largely occluded (occluded = 2), or
 * mostly truncated (truncated ≥ 0.5) at the edge of the scan, since the SOP asks to box such
 * objects anyway.
 */
export const tooFewPoints: Rule = (ctx) => {
  const out: CheckResult[] = [];
  // Built only when a truncated box needs it (the context usually has it already).
  let analysis: FrameAnalysis | undefined;
  for (const i of targetIndices(ctx)) {
    const box = ctx.cuboids[i];
    const rule = ctx.dictionary.classes[box.label];
    if (rule === undefined) continue;
    const distance = bevDistance(box.center);
    const need = minPointsAt(rule, distance);
    const have = ctx.pointCounts[i] ?? 0;
    if (have >= need) continue;
    const declared =
      box.attributes.occluded === 2 ||
      (box.attributes.truncated >= 0.5 && isAtScanEdge(box, (analysis ??= analysisOf(ctx)), ctx.dictionary.settings.egoRadius));
    const holds = have === 0 ? 'holds no points' : `holds ${plural(have, 'point')}`;
    out.push({
      ruleId: 'tooFewPoints',
      severity: declared ? 'warning' : 'error',
      cuboidId: box.id,
      location: null,
      message:
        `${box.label} box ${holds}; at ${fmt(distance)} m a ${box.label} needs at least ${need}` +
        (declared ? ' (the box is marked occluded or truncated)' : ''),
      dictionaryEntry: declared ? 'heavily-occluded' : `classes.${box.label}.minPoints`,
    });
  }
  return out;
};
