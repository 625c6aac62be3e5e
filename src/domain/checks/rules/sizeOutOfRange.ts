import type { Rule } from '../CheckContext.ts';
import type { CheckResult, Severity } from '../CheckResult.ts';
import { fmt } from '../formatNumber.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import type { FrameAnalysis } from '../frame/FrameAnalysis.ts';
import { isAtScanEdge } from './isAtScanEdge.ts';
import { sizeInReturns } from './sizeInReturns.ts';
import { targetIndices } from './targetIndices.ts';

/** Relative excess over a size bound beyond which the result is an error, not a warning. */
const ERROR_MARGIN = 0.1;
/** Returns a box needs before they may vouch for its unusual size. */
const VOUCH_MIN = 10;
/** A small box's returns fill this much of the short side, and at most this share of them lie just past it. */
const FILL = 0.9;
const SPILL = 0.1;
const DIMS = [
  { key: 'l', word: 'long' },
  { key: 'w', word: 'wide' },
  { key: 'h', word: 'tall' },
] as const;

/**
 * A box's length, width or height is outside its class's range. Error when a dimension is more
 * than 10 % beyond the bound or two are beyond their bounds, warning for one within 10 %. A box marked truncated (≥ 0.5) that reaches
 * the edge of the scan may be shorter or narrower than the range (the SOP boxes it to its visible
 * extent); elsewhere `truncated` is camera-image truncation and the box is the whole object. A
 * non-positive or non-finite size is always an error.
 *
 * One size far beyond its bound is only a warning when the box's own returns (ten or more) show
 * the object has that size: they spread past the class's largest size, or they fill a box smaller
 * than the class's least and stop at its faces. Then it is an unusual object of the class (a
 * 1.7 m wide light truck, a person with a trolley) or another class, not a box drawn wrong; a box
 * grown or shrunk off its object stays an error.
 */
export const sizeOutOfRange: Rule = (ctx) => {
  const out: CheckResult[] = [];
  // Built only when a truncated box needs it (the context usually has it already).
  let analysis: FrameAnalysis | undefined;
  for (const i of targetIndices(ctx)) {
    const box = ctx.cuboids[i];
    const rule = ctx.dictionary.classes[box.label];
    if (!box.size.every((v) => Number.isFinite(v) && v > 0)) {
      out.push({
        ruleId: 'sizeOutOfRange',
        severity: 'error',
        cuboidId: box.id,
        location: null,
        message: `${box.label} box has an invalid size ${box.size.map((v) => fmt(v, 2)).join(' × ')} m`,
        dictionaryEntry: 'box-fits-object',
      });
      continue;
    }
    if (rule === undefined) continue;
    const truncated = box.attributes.truncated >= 0.5 && isAtScanEdge(box, (analysis ??= analysisOf(ctx)), ctx.dictionary.settings.egoRadius);
    const actual: string[] = [];
    const allowed: string[] = [];
    let severity: Severity | null = null;
    let only = -1;
    for (let d = 0; d < 3; d++) {
      const { key, word } = DIMS[d];
      const v = box.size[d];
      const [min, max] = rule.size[key];
      let excess = 0;
      if (v > max) excess = v / max - 1;
      else if (v < min && !(truncated && key !== 'h')) excess = 1 - v / min;
      else continue;
      only = d;
      actual.push(`${fmt(v, 2)} m ${word}`);
      allowed.push(`${fmt(min, 2)}–${fmt(max, 2)} m ${word}`);
      if (excess > ERROR_MARGIN) severity = 'error';
      else if (severity === null) severity = 'warning';
    }
    if (severity === null) continue;
    // Beyond the class in two sizes at once: not an unusual object of the class, a box of the wrong size or class.
    if (actual.length >= 2) severity = 'error';
    let vouched = '';
    if (severity === 'error' && actual.length === 1 && ctx.positions.length > 0) {
      const axis = only as 0 | 1 | 2;
      const seen = sizeInReturns((analysis ??= analysisOf(ctx)), box, axis);
      const [min, max] = rule.size[DIMS[axis].key];
      const big = box.size[axis] > max;
      const shows = big ? seen.span >= max : seen.span >= FILL * box.size[axis] && seen.beyond <= SPILL * seen.inside;
      if (seen.inside >= VOUCH_MIN && shows) {
        severity = 'warning';
        vouched =
          `. Its ${seen.inside} returns span ${fmt(seen.span, 2)} m ${big ? `(more than ${fmt(max, 2)})` : `and stop at its faces (under ${fmt(min, 2)})`}: ` +
          `an unusual ${box.label}, or another class`;
      }
    }
    out.push({
      ruleId: 'sizeOutOfRange',
      severity,
      cuboidId: box.id,
      location: null,
      message: `${box.label} box is ${join(actual)}; a ${box.label} is ${join(allowed)}${vouched}`,
      dictionaryEntry: `classes.${box.label}.size`,
    });
  }
  return out;
};

function join(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
