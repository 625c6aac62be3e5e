import type { ClassRule, EdgeCase, EdgeCaseDictionary, EdgeCaseDictionaryInput } from './EdgeCaseDictionary.ts';
import { DictionaryError } from './DictionaryError.ts';
import { parseDictionary } from './parseDictionary.ts';

/*
 * Pure edit helpers for the edge-case dictionary. Every edit returns a new, validated dictionary
 * with `version` one higher; the input is never changed. Invalid results throw DictionaryError.
 */

/** A copy with `version + 1` and nothing else changed. */
export function bumpDictionaryVersion(dict: EdgeCaseDictionary): EdgeCaseDictionary {
  return { ...dict, version: dict.version + 1 };
}

function commit(next: EdgeCaseDictionaryInput, fn: string): EdgeCaseDictionary {
  return parseDictionary(next, fn);
}

/** Adds or replaces the rule of one class (exact name). */
export function setClassRule(dict: EdgeCaseDictionary, name: string, rule: ClassRule): EdgeCaseDictionary {
  return commit({ ...dict, version: dict.version + 1, classes: { ...dict.classes, [name]: rule } }, 'setClassRule');
}

/**
 * Removes a class, and every other class's allowed overlap with it.
 * @throws DictionaryError when the class does not exist
 */
export function removeClass(dict: EdgeCaseDictionary, name: string): EdgeCaseDictionary {
  if (!(name in dict.classes)) {
    throw new DictionaryError(`removeClass: unknown class "${name}"`, [{ path: 'classes', message: `unknown class "${name}"` }]);
  }
  const classes: Record<string, ClassRule> = {};
  for (const [k, rule] of Object.entries(dict.classes)) {
    if (k === name) continue;
    classes[k] = { ...rule, allowedOverlaps: rule.allowedOverlaps.filter((o) => o.class !== name) };
  }
  return commit({ ...dict, version: dict.version + 1, classes }, 'removeClass');
}

/** Adds an edge-case entry, or replaces the one with the same id (keeping its position). */
export function upsertEdgeCase(dict: EdgeCaseDictionary, entry: EdgeCase): EdgeCaseDictionary {
  const at = dict.edgeCases.findIndex((e) => e.id === entry.id);
  const edgeCases = at < 0 ? [...dict.edgeCases, entry] : dict.edgeCases.map((e, i) => (i === at ? entry : e));
  return commit({ ...dict, version: dict.version + 1, edgeCases }, 'upsertEdgeCase');
}

/**
 * Removes an edge-case entry and every class's reference to it.
 * @throws DictionaryError when no entry has this id
 */
export function removeEdgeCase(dict: EdgeCaseDictionary, id: string): EdgeCaseDictionary {
  if (!dict.edgeCases.some((e) => e.id === id)) {
    throw new DictionaryError(`removeEdgeCase: unknown edge case "${id}"`, [{ path: 'edgeCases', message: `unknown edge case "${id}"` }]);
  }
  const classes: Record<string, ClassRule> = {};
  for (const [k, rule] of Object.entries(dict.classes)) {
    classes[k] = { ...rule, edgeCases: rule.edgeCases.filter((e) => e !== id) };
  }
  return commit({ ...dict, version: dict.version + 1, classes, edgeCases: dict.edgeCases.filter((e) => e.id !== id) }, 'removeEdgeCase');
}

/** Changes some of the shared settings (overlap IoU, tolerances, ...). */
export function updateSettings(dict: EdgeCaseDictionary, patch: Partial<EdgeCaseDictionary['settings']>): EdgeCaseDictionary {
  return commit({ ...dict, version: dict.version + 1, settings: { ...dict.settings, ...patch } }, 'updateSettings');
}
