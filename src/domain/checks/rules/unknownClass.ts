import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { targetIndices } from './targetIndices.ts';

/** A box's class is not in the dictionary (exact, case-sensitive name). Error. */
export const unknownClass: Rule = (ctx) => {
  const out: CheckResult[] = [];
  const known = Object.keys(ctx.dictionary.classes);
  for (const i of targetIndices(ctx)) {
    const box = ctx.cuboids[i];
    if (Object.hasOwn(ctx.dictionary.classes, box.label)) continue;
    const near = known.find((k) => k.toLowerCase() === box.label.toLowerCase());
    out.push({
      ruleId: 'unknownClass',
      severity: 'error',
      cuboidId: box.id,
      location: null,
      message: `Class "${box.label}" is not in the dictionary` + (near !== undefined ? ` (did you mean "${near}"?)` : ` (classes: ${known.join(', ')})`),
      dictionaryEntry: 'classes-only',
    });
  }
  return out;
};
