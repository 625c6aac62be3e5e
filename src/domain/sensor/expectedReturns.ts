import type { RangeImage } from '../checks/frame/RangeImage.ts';
import { nearestInDirection } from '../checks/frame/RangeImage.ts';
import type { Vec3 } from '../types.ts';
import type { ExpectedReturns, ScanSensor } from './ScanSensor.ts';
import { boxSpanSeen, wrapAngle } from './boxSpanSeen.ts';

export interface ExpectedReturnsOptions {
  /** Ground height under the box (metres); the bottom `clearance` above it is not counted. */
  groundZ?: number;
  /** Height above the box bottom (or the ground) left out, as `countObjectPoints` does (default 0.2 m). */
  clearance?: number;
  /** Nearest obstacle per direction: the share of the box's rays blocked by nearer points. */
  rangeImage?: RangeImage;
}

export interface BoxLike {
  center: Vec3;
  /** [length, width, height], metres. */
  size: Vec3;
  yaw: number;
}

/** Obstacles at least this much nearer than the box (metres) hide it. */
const OCCLUSION_SLACK = 0.5;
/** Directions sampled across the box for the occlusion share (azimuth × elevation). */
const SAMPLES_AZ = 7;
const SAMPLES_EL = 3;
/** Elevation (radians, 0.1°) either side of a beam's own where its returns may be binned. */
const BIN_SLACK = (0.1 * Math.PI) / 180;
/** Beams asked at most per sampled azimuth (spread evenly over those crossing the box). */
const SAMPLES_BEAMS = 4;

/**
 * How many returns the sensor would give on an object filling `box`: the beams whose rays cross
 * the box's vertical extent between its nearest and farthest corner (its front faces and, seen
 * from above, its roof), times the firings across its horizontal angular width, every ray
 * counted once. The bottom `clearance` is left out, as the object point count leaves it out.
 * Real objects fill their boxes in part and absorb or pass some rays (glass, dark paint): rules
 * compare a count with a fraction of this, never with the whole. `expected` is discounted by the
 * share of the box's directions in which something at least 0.5 m nearer was hit, asked along the
 * beams that cross the box (between a sparse scanner's beams the range image holds nothing).
 *
 * Without beam data (`sensor.beams === 0`) the count is NaN: callers fall back to fixed minima.
 */
export function expectedReturns(sensor: ScanSensor, box: BoxLike, opts: ExpectedReturnsOptions = {}): ExpectedReturns {
  const oz = sensor.origin[2];
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const hl = box.size[0] / 2;
  const hw = box.size[1] / 2;
  const cx = box.center[0] - sensor.origin[0];
  const cy = box.center[1] - sensor.origin[1];
  const { centerAz, azLo, azHi, far, near: nearCorner } = boxSpanSeen(sensor.origin, box);
  // The box's sides can come nearer than its corners (seen side-on).
  const near = Math.min(nearCorner, nearestOnBox(cx, cy, c, s, hl, hw));
  const bottomBox = box.center[2] - box.size[2] / 2;
  const bottom = Math.max(bottomBox, opts.groundZ ?? -Infinity) + (opts.clearance ?? 0.2) - oz;
  const top = box.center[2] + box.size[2] / 2 - oz;
  if (!(near > 0.5) || !(top > bottom) || !(hl > 0 && hw > 0)) {
    return { unoccluded: 0, expected: 0, beams: 0, columns: 0, occludedFraction: 0 };
  }
  const elLo = Math.min(Math.atan2(bottom, near), Math.atan2(bottom, far));
  const elHi = Math.max(Math.atan2(top, near), Math.atan2(top, far));
  const columns = Math.max(0, azHi - azLo) / sensor.azimuthStep;
  if (sensor.beams === 0) {
    return { unoccluded: NaN, expected: NaN, beams: NaN, columns, occludedFraction: 0 };
  }
  let beams = 0;
  for (const e of sensor.elevations) if (e >= elLo && e <= elHi) beams++;
  // A beam between two listed ones still crosses a box thinner than the beam gap now and then:
  // count the share of a gap the box's elevation span covers when no beam falls in it.
  if (beams === 0) beams = fractionalBeams(sensor.elevations, elLo, elHi);
  const unoccluded = beams * Math.max(columns, columns > 0 ? 1 : 0);
  let occludedFraction = 0;
  if (opts.rangeImage !== undefined && unoccluded > 0) {
    const img = opts.rangeImage;
    const els = sensor.elevations;
    // Ask along the beams that cross the box: a sparse scanner's range image is empty between
    // its rays. Without one crossing it, SAMPLES_EL elevations spread over the box.
    let first = 0;
    while (first < els.length && els[first] < elLo) first++;
    let count = 0;
    while (first + count < els.length && els[first + count] <= elHi) count++;
    const rays = count === 0 ? SAMPLES_EL : Math.min(count, SAMPLES_BEAMS);
    let hidden = 0;
    let total = 0;
    for (let i = 0; i < SAMPLES_AZ; i++) {
      const az = wrapAngle(centerAz + azLo + ((i + 0.5) / SAMPLES_AZ) * (azHi - azLo));
      for (let j = 0; j < rays; j++) {
        const el = count === 0 ? elLo + ((j + 0.5) / rays) * (elHi - elLo) : els[first + Math.floor(((j + 0.5) / rays) * count)];
        const limit = near / Math.cos(el) - OCCLUSION_SLACK;
        total++;
        // A beam's returns lie in its elevation's bin or, rounded, the next one.
        if (Math.min(nearestInDirection(img, az, el - BIN_SLACK), nearestInDirection(img, az, el + BIN_SLACK)) < limit) hidden++;
      }
    }
    occludedFraction = hidden / total;
  }
  return { unoccluded, expected: unoccluded * (1 - occludedFraction), beams, columns, occludedFraction };
}

/** Nearest BEV distance from the origin to the box's outline (box centre (cx, cy), axes c, s). */
function nearestOnBox(cx: number, cy: number, c: number, s: number, hl: number, hw: number): number {
  // The origin in box coordinates, clamped to the rectangle, gives the nearest point.
  const u = -(cx * c + cy * s);
  const v = -(-cx * s + cy * c);
  const du = Math.max(0, Math.abs(u) - hl);
  const dv = Math.max(0, Math.abs(v) - hw);
  return Math.hypot(du, dv);
}

function fractionalBeams(elevations: Float64Array, lo: number, hi: number): number {
  for (let k = 1; k < elevations.length; k++) {
    if (elevations[k - 1] < lo && elevations[k] > hi) return (hi - lo) / (elevations[k] - elevations[k - 1]);
  }
  return 0;
}
