import type { Rule } from '../CheckContext.ts';
import type { CheckResult } from '../CheckResult.ts';
import { targetIndices } from './targetIndices.ts';

/**
 * A box lacks a value for an attribute its class requires (dictionary `requiredAttributes`):
 * absent, empty text, or a non-finite number. Error, one result per box listing every
 * missing attribute.
 */
export const missingAttribute: Rule = (ctx) => {
  const out: CheckResult[] = [];
  for (const i of targetIndices(ctx)) {
    const box = ctx.cuboids[i];
    const rule = ctx.dictionary.classes[box.label];
    if (rule === undefined) continue;
    const attrs = box.attributes as Record<string, unknown>;
    const missing = rule.requiredAttributes.filter((key) => !hasValue(attrs[key]));
    if (missing.length === 0) continue;
    out.push({
      ruleId: 'missingAttribute',
      severity: 'error',
      cuboidId: box.id,
      location: null,
      message: `${box.label} box has no value for required attribute${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
      dictionaryEntry: `classes.${box.label}.requiredAttributes`,
    });
  }
  return out;
};

function hasValue(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return v.trim() !== '';
  return typeof v === 'boolean';
}
