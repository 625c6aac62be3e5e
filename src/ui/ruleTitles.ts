/**
 * Short titles people read for each check rule (the ids are for code, logs and the CLI). Covers the
 * single-frame rules (`ALL_RULES`) and the cross-frame ones (`SEQUENCE_RULES`); a test keeps this
 * map in step with both lists.
 */
export const RULE_TITLES: Readonly<Record<string, string>> = {
  unknownClass: 'Unknown class',
  missingAttribute: 'Missing attribute',
  invalidAttribute: 'Invalid attribute',
  sizeOutOfRange: 'Unusual size',
  tooFewPoints: 'Too few points',
  notOnGround: 'Not on the ground',
  outsideRange: 'Outside the scan',
  pointsOutsideBox: 'Object sticks out',
  looseFit: 'Loose fit',
  fitDisagreement: 'Box disagrees with its points',
  overlap: 'Overlapping boxes',
  duplicate: 'Duplicate box',
  unlabelledCluster: 'Missed object?',
  trackGap: 'Track gap',
  offTrack: 'Off its track',
  trackSizeChange: 'Size changes along track',
  headingFlip: 'Heading flips',
  classSwitch: 'Class changes along track',
  impossibleSpeed: 'Impossible speed',
};

/** The title of a rule, or the id itself for a rule this map does not know yet. */
export function ruleTitle(ruleId: string): string {
  return RULE_TITLES[ruleId] ?? ruleId;
}
