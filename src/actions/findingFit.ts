import type { CheckResult } from '../domain/checks/CheckResult.ts';
import type { FitAtPointOptions } from '../tools/fit/fitAtPoint.ts';

/** How far beyond a missed-object finding's radius (metres) the fit of its box gathers points. */
const REACH_MARGIN = 1;

/**
 * The fit that boxes a missed-object finding: of the class the check suggests, gathering points no
 * farther than the finding's radius plus 1 m from it, so the box is that cluster's (a neighbouring
 * cluster the class footprint would take in stays out).
 */
export function findingFit(result: Pick<CheckResult, 'suggestedLabel' | 'radius'> | undefined): FitAtPointOptions {
  return {
    ...(result?.suggestedLabel !== undefined ? { label: result.suggestedLabel } : {}),
    ...(result?.radius !== undefined ? { reach: result.radius + REACH_MARGIN } : {}),
  };
}
