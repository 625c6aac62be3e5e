import { bevPolygon } from '../../geometry/cuboidCorners.ts';
import type { CuboidShape } from '../../geometry/CuboidShape.ts';
import { groundHeightAt } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { edgeCaseForRule } from '../dictionary/edgeCaseForRule.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { fmt } from '../formatNumber.ts';
import { targetIndices } from './targetIndices.ts';

/**
 * The bottom of a box whose class must touch the ground is above (floating) or below (sunk)
 * the local ground by more than the dictionary tolerance: warning, or error beyond twice the
 * tolerance. Ground is the median of the ground model at the box centre and its four bottom
 * corners; where no ground cell near the box was measured (only filled in), at most a warning.
 */
export const notOnGround: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const targets = targetIndices(ctx);
  if (targets.length === 0) return out;
  const ground = ctx.ground ?? analysisOf(ctx).ground;
  const { floatTolerance, sinkTolerance } = ctx.dictionary.settings;
  for (const i of targets) {
    const box = ctx.cuboids[i];
    const rule = ctx.dictionary.classes[box.label];
    if (rule === undefined || !rule.mustTouchGround) continue;
    const { z: g, measured } = groundUnder(ground, box);
    const bottom = box.center[2] - box.size[2] / 2;
    const gap = bottom - g;
    if (!Number.isFinite(gap)) continue;
    const tol = gap > 0 ? floatTolerance : sinkTolerance;
    if (Math.abs(gap) <= tol) continue;
    const where = gap > 0 ? `floats ${fmt(gap, 2)} m above` : `sinks ${fmt(-gap, 2)} m below`;
    out.push({
      ruleId: 'notOnGround',
      severity: Math.abs(gap) > 2 * tol && measured ? 'error' : 'warning',
      cuboidId: box.id,
      location: null,
      message:
        `${box.label} box ${where} the ground (bottom at z ${fmt(bottom, 2)} m, ground at ` +
        `${fmt(g, 2)} m; ${fmt(tol, 2)} m tolerated)`,
      dictionaryEntry:
        gap > 0
          ? (edgeCaseForRule(ctx.dictionary, 'notOnGround', box.label) ?? 'box-fits-object')
          : 'box-fits-object',
    });
  }
  return out;
};

/**
 * Median ground height (LiDAR z, metres) at the box centre and its four bottom corners, and
 * whether any ground cell within one cell of the footprint was measured (not filled in).
 */
function groundUnder(ground: GroundModel, box: CuboidShape): { z: number; measured: boolean } {
  const poly = bevPolygon(box);
  const samples = [groundHeightAt(ground, box.center[0], box.center[1])];
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const [x, y] of poly) {
    samples.push(groundHeightAt(ground, x, y));
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  samples.sort((a, b) => a - b);
  const inv = 1 / ground.cellSize;
  // Cell centres are at origin + k·cellSize; a point belongs to the nearest centre.
  const ix0 = Math.max(0, Math.round((x0 - ground.originX) * inv) - 1);
  const ix1 = Math.min(ground.nx - 1, Math.round((x1 - ground.originX) * inv) + 1);
  const iy0 = Math.max(0, Math.round((y0 - ground.originY) * inv) - 1);
  const iy1 = Math.min(ground.ny - 1, Math.round((y1 - ground.originY) * inv) + 1);
  let measured = false;
  for (let iy = iy0; iy <= iy1 && !measured; iy++) {
    for (let ix = ix0; ix <= ix1; ix++) {
      if (ground.measured[iy * ground.nx + ix]) {
        measured = true;
        break;
      }
    }
  }
  return { z: samples[2], measured };
}
