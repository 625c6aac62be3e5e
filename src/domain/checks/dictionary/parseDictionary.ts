import { DictionaryError, formatJsonPath } from './DictionaryError.ts';
import { edgeCaseDictionarySchema } from './EdgeCaseDictionary.ts';
import type { EdgeCaseDictionary } from './EdgeCaseDictionary.ts';

/**
 * Validates an edge-case dictionary, given as JSON text or as an already parsed value, and fills
 * in every default. Beyond the schema it checks that edge-case ids are unique, that allowed
 * overlaps and class entry lists name existing classes and entries, and that distance bands are
 * in ascending order of distance.
 *
 * @param fileName for messages only (e.g. `.cuboid/dictionary.json`)
 * @throws DictionaryError listing every problem with its JSON path
 */
export function parseDictionary(json: unknown, fileName?: string): EdgeCaseDictionary {
  const where = fileName !== undefined ? `parseDictionary (${fileName})` : 'parseDictionary';
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new DictionaryError(`${where}: not valid JSON: ${detail}`, [{ path: '', message: detail }], fileName);
    }
  }
  const parsed = edgeCaseDictionarySchema.safeParse(value);
  const issues: { path: string; message: string }[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ path: formatJsonPath(issue.path), message: issue.message });
    }
  } else {
    issues.push(...crossCheck(parsed.data));
  }
  if (issues.length > 0) {
    const list = issues.map((i) => `${i.path === '' ? '(root)' : i.path}: ${i.message}`).join('; ');
    throw new DictionaryError(`${where}: ${list}`, issues, fileName);
  }
  return parsed.data as EdgeCaseDictionary;
}

function crossCheck(dict: EdgeCaseDictionary): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const ids = new Set<string>();
  dict.edgeCases.forEach((entry, i) => {
    if (ids.has(entry.id)) issues.push({ path: `edgeCases[${i}].id`, message: `duplicate id "${entry.id}"` });
    ids.add(entry.id);
  });
  for (const [name, rule] of Object.entries(dict.classes)) {
    const base = formatJsonPath(['classes', name]);
    rule.allowedOverlaps.forEach((o, i) => {
      if (!(o.class in dict.classes)) {
        issues.push({ path: `${base}.allowedOverlaps[${i}].class`, message: `unknown class "${o.class}"` });
      }
    });
    rule.edgeCases.forEach((id, i) => {
      if (!ids.has(id)) issues.push({ path: `${base}.edgeCases[${i}]`, message: `unknown edge case "${id}"` });
    });
    const bands = rule.minPoints.bands;
    for (let i = 1; i < bands.length; i++) {
      if (!(bands[i].maxDistance > bands[i - 1].maxDistance)) {
        issues.push({
          path: `${base}.minPoints.bands[${i}].maxDistance`,
          message: 'bands must be in ascending order of maxDistance',
        });
      }
    }
  }
  return issues;
}
