import { nearestInDirection } from '../frame/RangeImage.ts';
import type { RangeImage } from '../frame/RangeImage.ts';
import type { MissedCandidate } from './missedObjectScore.ts';

/** Heights above the ground (metres) searched under a raised cluster for something nearer hiding it. */
const LOW_FROM = 0.2;
const LOW_TO = 1;

/**
 * Whether something nearer than the candidate hides the part under it, LOW_FROM to LOW_TO above
 * the ground, from the sensor (the apex of `img`).
 */
export function hiddenBelow(img: RangeImage, cand: MissedCandidate): boolean {
  const [ox, oy, oz] = img.origin;
  const az = Math.atan2(cand.center[1] - oy, cand.center[0] - ox);
  // Every elevation bin between LOW_FROM and LOW_TO above the ground at the candidate: a sparse
  // scanner's beams cross only some of them, and any one coming back nearer hides that part.
  const zFrom = cand.groundZ + LOW_FROM - oz;
  const zTo = cand.groundZ + Math.max(LOW_FROM, Math.min(LOW_TO, cand.bottom - 0.1)) - oz;
  const elFrom = Math.atan2(zFrom, cand.range);
  const elTo = Math.atan2(zTo, cand.range);
  const limit = Math.hypot(cand.range, zFrom) - 1;
  for (let el = elFrom; el <= elTo + 1e-9; el += img.elevationStep) {
    for (const da of [-img.azimuthStep, 0, img.azimuthStep]) {
      if (nearestInDirection(img, az + da, el) < limit) return true;
    }
  }
  return false;
}
