import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { targetIndices } from './targetIndices.ts';

/**
 * The KITTI attributes hold values KITTI does not allow: `truncated` outside 0..1 or `occluded`
 * not one of 0, 1, 2, 3 (errors). `occluded = 3` ("unknown") is a warning: it takes the object
 * out of every KITTI difficulty level. Missing values are the missingAttribute rule's concern.
 */
export const invalidAttribute: Rule = (ctx) => {
  const out: CheckResult[] = [];
  for (const i of targetIndices(ctx)) {
    const box = ctx.cuboids[i];
    const { truncated, occluded } = box.attributes;
    const push = (severity: 'error' | 'warning', message: string, entry: string): void => {
      out.push({ ruleId: 'invalidAttribute', severity, cuboidId: box.id, location: null, message, dictionaryEntry: entry });
    };
    if (typeof truncated === 'number' && Number.isFinite(truncated) && !(truncated >= 0 && truncated <= 1)) {
      push('error', `${box.label} box has truncated = ${truncated}; it must be between 0 and 1`, 'object-partly-outside-scan');
    }
    if (typeof occluded === 'number' && Number.isFinite(occluded)) {
      if (![0, 1, 2, 3].includes(occluded)) {
        push('error', `${box.label} box has occluded = ${occluded}; it must be 0, 1, 2 or 3`, 'occlusion-unknown');
      } else if (occluded === 3) {
        push(
          'warning',
          `${box.label} box has occluded = 3 ("unknown"), which removes it from every KITTI difficulty level; choose 0, 1 or 2`,
          'occlusion-unknown',
        );
      }
    }
  }
  return out;
};
