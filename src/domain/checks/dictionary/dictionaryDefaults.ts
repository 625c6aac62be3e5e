import type { ClassRule, EdgeCase, EdgeCaseDictionary, EdgeCaseDictionaryInput } from './EdgeCaseDictionary.ts';

/*
 * The defaults of the edge-case dictionary, in one place and without zod: the schema
 * (`EdgeCaseDictionary.ts`) fills them in when it parses a dictionary file, and
 * `withDictionaryDefaults` fills them into the built-in dictionary, which the browser and the
 * workers load without shipping zod (a unit test checks both give the same dictionary).
 * Units as in the schema: metres, points, metres per second, seconds.
 */

/** Every check setting at its default (`sensorRange` absent: the scan's own range). */
export const CHECK_SETTINGS_DEFAULTS = {
  overlapIou: 0.05,
  duplicateIou: 0.6,
  floatTolerance: 0.35,
  sinkTolerance: 0.35,
  fitMargin: 0.15,
  clusterMinPoints: 25,
  egoRadius: 3,
  clusterMaxResults: 20,
  trackSizeTolerance: 0.15,
  frameInterval: 0.1,
  maxEgoSpeed: 35,
};

/** Defaults of a class rule's `minPoints`. */
export const MIN_POINTS_DEFAULTS = { fraction: 0.08, floor: 1 } as const;

/** Defaults of a class rule's optional parts. */
export const CLASS_RULE_DEFAULTS = { fitSlack: 0.35, findMissed: true, rigid: true } as const;

type ClassRuleInput = EdgeCaseDictionaryInput['classes'][string];
type EdgeCaseInput = EdgeCaseDictionaryInput['edgeCases'][number];

function classRule(r: ClassRuleInput): ClassRule {
  return {
    ...r,
    minPoints: {
      ...r.minPoints,
      fraction: r.minPoints.fraction ?? MIN_POINTS_DEFAULTS.fraction,
      floor: r.minPoints.floor ?? MIN_POINTS_DEFAULTS.floor,
      bands: r.minPoints.bands ?? [],
    },
    allowedOverlaps: r.allowedOverlaps ?? [],
    requiredAttributes: r.requiredAttributes ?? [],
    fitSlack: r.fitSlack ?? CLASS_RULE_DEFAULTS.fitSlack,
    findMissed: r.findMissed ?? CLASS_RULE_DEFAULTS.findMissed,
    rigid: r.rigid ?? CLASS_RULE_DEFAULTS.rigid,
    edgeCases: r.edgeCases ?? [],
  };
}

function edgeCase(e: EdgeCaseInput): EdgeCase {
  return { ...e, tags: e.tags ?? [] };
}

/**
 * A dictionary written in code with every default filled in, as parsing it would (no validation:
 * for dictionaries the code itself holds; files and requests go through `parseDictionary`).
 */
export function withDictionaryDefaults(input: EdgeCaseDictionaryInput): EdgeCaseDictionary {
  return {
    version: input.version,
    classes: Object.fromEntries(Object.entries(input.classes).map(([name, r]) => [name, classRule(r)])),
    edgeCases: input.edgeCases.map(edgeCase),
    settings: { ...CHECK_SETTINGS_DEFAULTS, ...input.settings },
  };
}
