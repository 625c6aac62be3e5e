import type { ClassRule } from './EdgeCaseDictionary.ts';

/**
 * The minimum number of points a box of this class needs at `distance` metres (BEV distance of
 * its centre from the sensor): the first band whose `maxDistance` covers the distance, else the
 * class default.
 */
export function minPointsAt(rule: ClassRule, distance: number): number {
  for (const band of rule.minPoints.bands) {
    if (distance <= band.maxDistance) return band.minPoints;
  }
  return rule.minPoints.default;
}
