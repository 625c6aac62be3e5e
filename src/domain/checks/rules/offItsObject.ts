import type { Cuboid } from '../../types.ts';
import type { CheckResult } from '../CheckResult.ts';
import { fmt, plural } from '../formatNumber.ts';
import { FACE_NAMES } from './judgeFit.ts';
import type { FitJudgement } from './judgeFit.ts';

/**
 * Each half of the evidence must reach this share of the face's tolerance: the object reaches
 * past one face and stops short of the opposite one.
 */
const PART = 0.5;
/** Together (protrusion plus gap, about twice the offset) past this multiple of the tolerance. */
const TOGETHER = 2;
/**
 * ...and the offset (half the two) at least this (metres): weaker evidence than a protrusion, it
 * does not flag the few tenths a careful label may be off (an Argoverse 2 car with 422 returns,
 * 0.24 m past one side and 0.40 m short of the other).
 */
const MIN_OFFSET = 0.5;

/**
 * A box moved off its object by less than a protrusion alone shows (`decide`'s faces): along an
 * axis whose both ends the sensor sees, the object's third-outermost point reaches past one face
 * by more than half its tolerance, and the object stops short of the opposite face by more than
 * half of it, the two adding up to more than twice the tolerance and 1 m (the box that far off).
 * A car 72 m away seen from behind (15 returns) and moved 1 m sideways showed 0.43 m past one side
 * (tolerance 0.49 m) and 1.1 m short of the other: neither alone was evidence. A warning only.
 */
export function offItsObject(box: Cuboid, j: FitJudgement): CheckResult | null {
  for (const axis of [1, 0] as const) {
    if (!j.endsSeen[axis]) continue;
    const [a, b] = axis === 0 ? [0, 1] : [2, 3];
    const out = j.beyond[a] >= j.beyond[b] ? a : b;
    const tolerance = j.tolerance[out];
    const beyond = j.beyond[out];
    const gap = j.slack[axis];
    if (!(beyond > PART * tolerance && gap > PART * tolerance && beyond + gap > Math.max(TOGETHER * tolerance, 2 * MIN_OFFSET))) continue;
    return {
      ruleId: 'fitDisagreement',
      severity: 'warning',
      cuboidId: box.id,
      location: null,
      message:
        `${box.label} box is about ${fmt((beyond + gap) / 2, 1)} m off its object along its ${axis === 0 ? 'length' : 'width'}: ` +
        `its object reaches ${fmt(beyond, 2)} m beyond its ${FACE_NAMES[out]} and stops ${fmt(gap, 2)} m short of the opposite face ` +
        `(refit from ${plural(j.n, 'return')})`,
      dictionaryEntry: 'box-follows-points',
    };
  }
  return null;
}
