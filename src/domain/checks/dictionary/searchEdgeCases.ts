import type { EdgeCase, EdgeCaseDictionary } from './EdgeCaseDictionary.ts';

/**
 * Edge-case entries whose id, title, rule text or tags contain every word of `query`
 * (case-insensitive); all entries for an empty query. For the SOP's search box.
 */
export function searchEdgeCases(dict: EdgeCaseDictionary, query: string): EdgeCase[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return dict.edgeCases;
  return dict.edgeCases.filter((e) => {
    const text = [e.id, e.title, e.rule, ...e.tags, e.check ?? ''].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
