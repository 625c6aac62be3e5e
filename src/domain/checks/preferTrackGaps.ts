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
    return !gaps.some((g) => {
      const { center, size, yaw } = g.track!.box;
      const dx = x - center[0];
      const dy = y - center[1];
      const along = dx * Math.cos(yaw) + dy * Math.sin(yaw);
      const across = -dx * Math.sin(yaw) + dy * Math.cos(yaw);
      return Math.abs(along) <= size[0] / 2 + SAME_OBJECT && Math.abs(across) <= size[1] / 2 + SAME_OBJECT;
    });
  });
}
