/**
 * The class rules of the SOP that match a search: every word of `query` (case-insensitive) must
 * appear in the class name or its definition, the same word rule `searchEdgeCases` applies to the
 * edge-case entries. An empty query keeps every class. Order follows the dictionary.
 */
export function filterClassRules<R extends { definition: string }>(classes: Record<string, R>, query: string): [string, R][] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const entries = Object.entries(classes);
  if (words.length === 0) return entries;
  return entries.filter(([name, rule]) => {
    const text = `${name} ${rule.definition}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
