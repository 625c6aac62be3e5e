import { isPointInCuboid } from '../geometry/isPointInCuboid.ts';
import type { CheckResult } from './CheckResult.ts';

/** Metres around a track gap's bridged box (BEV) within which a missed-object finding is the same object. */
const SAME_OBJECT = 0.5;

/**
 * One finding per missed object: a missed-object finding (`unlabelledCluster`) whose place lies in
 * the bridged box (grown by 0.5 m, BEV) of a track gap reported as a warning or an error is the
 * same object, and the track gap says more (which track, and where its box goes: "Box it" places
 * it with the track's id), so the cluster's finding is left out. Pure; returns a new array.
 */
export function preferTrackGaps(results: readonly CheckResult[]): CheckResult[] {
  const gaps = results.filter((r) => r.ruleId === 'trackGap' && r.severity !== 'info' && r.track !== undefined);
  if (gaps.length === 0) return results.slice();
  return results.filter((r) => {
    if (r.ruleId !== 'unlabelledCluster' || r.location === null) return true;
    const [x, y] = r.location;
    // BEV only: the test is made at the box's own height.
    return !gaps.some((g) => isPointInCuboid(x, y, g.track!.box.center[2], g.track!.box, SAME_OBJECT));
  });
}
