import type { ScanSensor } from '../../sensor/ScanSensor.ts';
import { topBeamGap } from './missedObjectScore.ts';
import type { MissedCandidate } from './missedObjectScore.ts';

/** Obstacle points stop this high above the ground (`clusterObstacles`, metres). */
const OBSTACLE_TOP = 4;
/** A top this close below `OBSTACLE_TOP` (metres) is at it, whatever the beams. */
const CEILING_MARGIN = 0.15;

/**
 * Whether a missed-object candidate's top may be the 4 m ceiling of the obstacle points rather
 * than its own: within `CEILING_MARGIN` of it, or so close below it that the next beam up (one
 * beam gap higher at the candidate's range, `topBeamGap`) lands above it, where `overhead` points
 * over its footprint (`groups.overhead`: any at all) show that something goes on. A tree crown
 * 80 m away seen by beams 1° apart ends at 3.7 m in the obstacle points with a few returns above
 * it; a truck as tall ends there with none.
 */
export function atCeiling(sensor: ScanSensor | undefined, cand: MissedCandidate, overhead: number): boolean {
  if (cand.top >= OBSTACLE_TOP - CEILING_MARGIN) return true;
  return overhead > 0 && cand.top >= OBSTACLE_TOP - cand.range * topBeamGap(sensor, cand);
}
