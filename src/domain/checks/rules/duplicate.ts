import { iou3d } from '../../geometry/iou.ts';
import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { fmt } from '../formatNumber.ts';
import { candidatePairs } from './candidatePairs.ts';

/**
 * Two boxes are near-identical (3D IoU at or above `settings.duplicateIou`), whatever their
 * classes: one object boxed twice. Error, reported on both boxes.
 */
export const duplicate: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const boxes = ctx.cuboids;
  const only = ctx.only;
  const isTarget = only === undefined ? undefined : (i: number) => only.has(boxes[i].id);
  const threshold = ctx.dictionary.settings.duplicateIou;
  for (const [i, j] of candidatePairs(boxes, isTarget)) {
    const iou = iou3d(boxes[i], boxes[j]);
    if (iou < threshold) continue;
    for (const [self, other] of [
      [boxes[i], boxes[j]],
      [boxes[j], boxes[i]],
    ] as const) {
      if (only !== undefined && !only.has(self.id)) continue;
      out.push({
        ruleId: 'duplicate',
        severity: 'error',
        cuboidId: self.id,
        location: null,
        message: `${self.label} box duplicates the ${other.label} box at (${fmt(other.center[0], 1)}, ${fmt(other.center[1], 1)}): 3D IoU ${fmt(iou, 2)}`,
        dictionaryEntry: 'one-box-per-object',
        otherCuboidId: other.id,
      });
    }
  }
  return out;
};
