import { elevationGapAt } from './beamGapAt.ts';
import type { ScanSensor } from './ScanSensor.ts';

/**
 * Distance (metres, horizontal) between the ground rings of two neighbouring beams at horizontal
 * range `r` from the sensor, on flat ground `sensor.heightAboveGround` below it. Infinity where
 * the next beam up no longer reaches the ground; 0 without beam data.
 */
export function groundRingSpacing(sensor: ScanSensor, r: number): number {
  const h = sensor.heightAboveGround;
  if (!(h > 0) || sensor.elevations.length < 2) return 0;
  const el = Math.atan2(-h, Math.max(r, 1e-3));
  const up = -el - elevationGapAt(sensor, el);
  return up <= 0 ? Infinity : h / Math.tan(up) - Math.max(r, 1e-3);
}

/**
 * Where (x, y in the points' frame) the sensor's ground rings lie more than `cell` metres apart:
 * a ground cell there may hold an object's returns and no ground at all (a 16-beam scanner at
 * 1.7 m: beyond about 10 m; a 64-beam one: beyond about 22 m). Nowhere without beam data.
 */
export function sparseGroundRings(sensor: ScanSensor, cell: number): (x: number, y: number) => boolean {
  const [ox, oy] = sensor.origin;
  return (x, y) => groundRingSpacing(sensor, Math.hypot(x - ox, y - oy)) > cell;
}
