import type { EdgeCaseDictionary } from './EdgeCaseDictionary.ts';

/**
 * The id of the dictionary's edge-case entry that names `ruleId` as its check, preferring one
 * listed under `className` when given; null when no entry maps to the rule.
 */
export function edgeCaseForRule(dict: EdgeCaseDictionary, ruleId: string, className?: string): string | null {
  if (className !== undefined) {
    const listed = dict.classes[className]?.edgeCases ?? [];
    for (const id of listed) {
      if (dict.edgeCases.some((e) => e.id === id && e.check === ruleId)) return id;
    }
  }
  return dict.edgeCases.find((e) => e.check === ruleId)?.id ?? null;
}
