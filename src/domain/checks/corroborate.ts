import type { CheckResult } from './CheckResult.ts';

/**
 * Rules whose warnings say, each from its own evidence, that a box is misplaced or mis-sized:
 * the class's size range (`sizeOutOfRange`), a face the sensor sees standing off the points
 * (`looseFit`), points of the object outside the box (`pointsOutsideBox`), a refit of the points
 * (`fitDisagreement`), the ground (`notOnGround`) and the track's boxes in the frames around (`offTrack`). In priority order: the first one found on a
 * box becomes the error.
 */
export const PLACEMENT_RULES: readonly string[] = ['pointsOutsideBox', 'fitDisagreement', 'looseFit', 'notOnGround', 'sizeOutOfRange', 'offTrack'];

/** What each placement rule's warning says, in words for the raised error's message. */
const EVIDENCE: Readonly<Record<string, string>> = {
  pointsOutsideBox: 'its object sticks out of it',
  fitDisagreement: 'a refit of its points disagrees',
  looseFit: 'a face stands off its points',
  notOnGround: 'it is off the ground',
  sizeOutOfRange: 'its size is unusual for the class',
  offTrack: 'it is off where the frames around put its track',
};

/**
 * Two placement warnings on one box from different rules agree: the box is wrong. Each warning
 * alone is left a warning because its own evidence is not sure (few returns, a face partly seen,
 * a size just outside its class range); two of them drawn from different evidence are wrong
 * together far less often than either alone, so the first of them (by `PLACEMENT_RULES` order) is
 * raised to an error that names the other. Boxes with an error already are left as they are.
 * Pure; returns a new array (results not raised are the same objects).
 */
export function corroborate(results: readonly CheckResult[]): CheckResult[] {
  const byBox = new Map<string, CheckResult[]>();
  const hasError = new Set<string>();
  for (const r of results) {
    if (r.cuboidId === null) continue;
    if (r.severity === 'error') hasError.add(r.cuboidId);
    if (r.severity !== 'warning' || !PLACEMENT_RULES.includes(r.ruleId)) continue;
    const list = byBox.get(r.cuboidId);
    if (list === undefined) byBox.set(r.cuboidId, [r]);
    else list.push(r);
  }
  const raised = new Map<CheckResult, CheckResult>();
  for (const [id, list] of byBox) {
    if (hasError.has(id)) continue;
    const rules = new Set(list.map((r) => r.ruleId));
    if (rules.size < 2) continue;
    const ordered = [...list].sort((a, b) => PLACEMENT_RULES.indexOf(a.ruleId) - PLACEMENT_RULES.indexOf(b.ruleId));
    const first = ordered[0];
    const others = PLACEMENT_RULES.filter((r) => r !== first.ruleId && rules.has(r));
    raised.set(first, {
      ...first,
      severity: 'error',
      message: `${first.message}. Also ${others.map((r) => EVIDENCE[r]).join(' and ')}: two checks agree, so this is an error`,
    });
  }
  if (raised.size === 0) return results.slice();
  return results.map((r) => raised.get(r) ?? r);
}
