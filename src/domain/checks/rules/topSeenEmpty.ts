import { boxSpanSeen, wrapAngle } from '../../sensor/boxSpanSeen.ts';
import type { ScanSensor } from '../../sensor/ScanSensor.ts';
import type { Cuboid } from '../../types.ts';
import { nearestInDirection } from '../frame/RangeImage.ts';
import type { RangeImage } from '../frame/RangeImage.ts';

/** Azimuths sampled per beam, spread over the middle 60 % of the box's angular width. */
const SAMPLES = 5;
const MIDDLE = 0.6;
/** A return this far (metres) nearer than the box's nearest corner hides the sample; within the box's depth (± this) it hits the box. */
const DEPTH_SLACK = 0.3;
/** A beam passed over the object when at least this share of its seen samples (and 3) went through the box. */
const THROUGH_SHARE = 0.8;
const MIN_SEEN = 3;

/**
 * The lowest height (LiDAR z, metres) the object in `box` can reach, as the beams show: among the
 * sensor's beams that cross the box's vertical span above `zFrom` (the object's highest point),
 * the lowest whose rays went through the box unblocked (no return within the box's depth, in the
 * middle of its angular width, and nothing nearer hiding it). The object lies below that beam all
 * along the ray, so its top is at most the beam's higher height over the box's depth. Null when
 * no beam was seen to pass over (no beam there, or hidden).
 */
export function topSeenEmpty(sensor: ScanSensor, img: RangeImage, box: Cuboid, zFrom: number): number | null {
  if (sensor.elevations.length < 2) return null;
  const oz = sensor.origin[2];
  const top = box.center[2] + box.size[2] / 2;
  const { centerAz, azLo, azHi, near, far } = boxSpanSeen(sensor.origin, box);
  if (!(near > 1)) return null;
  const span = (azHi - azLo) * MIDDLE;
  for (const e of sensor.elevations) {
    const t = Math.tan(e);
    const zNear = oz + near * t;
    const zFar = oz + far * t;
    const high = Math.max(zNear, zFar);
    const low = Math.min(zNear, zFar);
    // Only beams that cross the box wholly above the object's highest point and below its top.
    if (!(low > zFrom && high < top)) continue;
    let seen = 0;
    let through = 0;
    for (let k = 0; k < SAMPLES; k++) {
      const az = wrapAngle(centerAz + (azLo + azHi) / 2 + ((k + 0.5) / SAMPLES - 0.5) * span);
      const r = nearestInDirection(img, az, e);
      const cosE = Math.cos(e);
      if (r < near / cosE - DEPTH_SLACK) continue; // hidden behind something nearer
      seen++;
      if (!(r <= far / cosE + DEPTH_SLACK)) through++;
    }
    if (seen >= MIN_SEEN && through >= THROUGH_SHARE * seen) return high;
  }
  return null;
}
