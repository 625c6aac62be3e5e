import { bevPolygon } from '../../geometry/cuboidCorners.ts';
import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { fmt } from '../formatNumber.ts';
import { sensorDistance } from '../pointsNeeded.ts';
import { targetIndices } from './targetIndices.ts';

/** Slack (metres) around the cloud's extent before a corner counts as outside it. */
const SLACK = 0.5;

/**
 * A box is outside the scan: entirely outside the bird's-eye-view extent of the points, or with
 * its nearest point farther from the sensor than the farthest point of the frame (errors). A box
 * reaching past the extent or the farthest point while its near part is inside is a warning,
 * unless it is marked truncated (the SOP's visible-extent rule). The range is the scan's own
 * (distances from the sensor the scan was read to come from, `analysis.sensor`); a labelling
 * range set in the dictionary (`settings.sensorRange`) makes farther boxes a warning.
 */
export const outsideRange: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const targets = targetIndices(ctx);
  if (targets.length === 0) return out;
  const analysis = analysisOf(ctx);
  const { bounds, maxRange } = analysis;
  const [ox, oy] = analysis.sensor.origin;
  const sensorRange = ctx.dictionary.settings.sensorRange;
  for (const i of targets) {
    const box = ctx.cuboids[i];
    const push = (severity: 'error' | 'warning', message: string, entry: string): void => {
      out.push({ ruleId: 'outsideRange', severity, cuboidId: box.id, location: null, message, dictionaryEntry: entry });
    };
    const d = sensorDistance(analysis, box.center);
    if (!Number.isFinite(d)) continue;
    if (bounds === null) {
      push('error', `${box.label} box is in a frame with no points`, 'every-object-boxed');
      continue;
    }
    if (sensorRange !== undefined && d > sensorRange) {
      push('warning', `${box.label} box is ${fmt(d)} m from the sensor, beyond the ${fmt(sensorRange)} m labelling range`, 'settings.sensorRange');
      continue;
    }
    const poly = bevPolygon(box);
    let outsideCorners = 0;
    let near = Infinity;
    for (const [x, y] of poly) {
      if (x < bounds.min[0] - SLACK || x > bounds.max[0] + SLACK || y < bounds.min[1] - SLACK || y > bounds.max[1] + SLACK) {
        outsideCorners++;
      }
      near = Math.min(near, Math.hypot(x - ox, y - oy));
    }
    near = Math.min(near, d);
    const extent = `x ${fmt(bounds.min[0], 1)} to ${fmt(bounds.max[0], 1)} m, y ${fmt(bounds.min[1], 1)} to ${fmt(bounds.max[1], 1)} m`;
    if (outsideCorners === 4 && !overlapsBounds(poly, bounds.min, bounds.max)) {
      push('error', `${box.label} box lies outside the scanned area (points cover ${extent})`, 'object-partly-outside-scan');
    } else if (near > maxRange + SLACK) {
      push(
        'error',
        `${box.label} box is ${fmt(near)} m away at its nearest; the farthest point of this frame is ${fmt(maxRange)} m away`,
        'truncated-by-scan-range',
      );
    } else if (box.attributes.truncated < 0.5 && (outsideCorners > 0 || d > maxRange + SLACK)) {
      push(
        'warning',
        `${box.label} box reaches beyond the scanned area (points cover ${extent}, up to ${fmt(maxRange)} m); ` + 'box the visible extent and set truncated',
        outsideCorners > 0 ? 'object-partly-outside-scan' : 'truncated-by-scan-range',
      );
    }
  }
  return out;
};

function overlapsBounds(poly: [number, number][], min: readonly number[], max: readonly number[]): boolean {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const [x, y] of poly) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return x1 >= min[0] - SLACK && x0 <= max[0] + SLACK && y1 >= min[1] - SLACK && y0 <= max[1] + SLACK;
}
