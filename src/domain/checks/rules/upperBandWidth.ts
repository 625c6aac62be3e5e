import { groundHeightAt } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import type { MissedCandidate, TemplateScore } from './missedObjectScore.ts';
import type { ClassRule } from '../dictionary/EdgeCaseDictionary.ts';

/** Widest a person is across the line of sight in the upper part of their height (metres), and the factor of the person classes on a wider candidate. */
export const PERSON_UPPER_WIDTH = 1.1;
export const WIDE_PERSON = 0.4;

/** The band of a candidate's height, as shares of its top above the ground, where a person shows shoulders and arms. */
const BAND: readonly [number, number] = [0.55, 0.85];
/** Fewest points in the band for a width to be read. */
const MIN_BAND_POINTS = 4;

/**
 * How wide (metres) a candidate's points are across the line of sight in the upper part of its
 * height (55–85 % of its top above the ground; second-outermost each way), or 0 with fewer than
 * four points there. A person is no wider there than shoulders and swinging arms, even mid-stride
 * with the feet a metre apart; a vehicle's end seen head-on is as wide as its body up to the
 * roof. `xyz`: the candidate's points, LiDAR frame; `origin`: the sensor.
 */
export function upperBandWidth(xyz: Float32Array, ground: GroundModel, origin: readonly number[], cand: MissedCandidate): number {
  const [cx, cy] = cand.center;
  const sight = Math.atan2(cy - origin[1], cx - origin[0]);
  const px = -Math.sin(sight);
  const py = Math.cos(sight);
  const lo = BAND[0] * cand.top;
  const hi = BAND[1] * cand.top;
  const across: number[] = [];
  for (let o = 0; o + 2 < xyz.length; o += 3) {
    const h = xyz[o + 2] - groundHeightAt(ground, xyz[o], xyz[o + 1]);
    if (h < lo || h > hi) continue;
    across.push((xyz[o] - cx) * px + (xyz[o + 1] - cy) * py);
  }
  if (across.length < MIN_BAND_POINTS) return 0;
  across.sort((a, b) => a - b);
  return across[across.length - 2] - across[1];
}

/**
 * Whether a candidate that a person class explains best is wide enough to be a vehicle's end
 * (longer than `PERSON_UPPER_WIDTH`) and some vehicle class explains it too (from `least`): its
 * upper part is then measured (`upperBandWidth`).
 */
export function mayBeVehicleEnd(cand: MissedCandidate, scores: readonly TemplateScore[], scenery: number, least: number): boolean {
  return scores[0].kind === 'person' && cand.length > PERSON_UPPER_WIDTH && scores.some((sc) => sc.kind === 'vehicle' && sc.confidence * scenery >= least);
}

/** Whether a class is a rider's (longer at its shortest than it is wide at its widest: a bicycle's length). */
export function isRider(rule: ClassRule | undefined): boolean {
  return rule !== undefined && rule.size.l[0] > rule.size.w[1];
}
