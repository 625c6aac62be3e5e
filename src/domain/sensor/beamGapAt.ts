import type { ScanSensor } from './ScanSensor.ts';

/**
 * Elevation gap (radians) between the two beams around elevation `el` (radians, seen from the
 * sensor): the local spacing of the beam fan there, the end gap beyond either end. `fallback`
 * when the sensor model has fewer than two beams.
 */
export function elevationGapAt(sensor: ScanSensor, el: number, fallback = 0): number {
  const e = sensor.elevations;
  if (e.length < 2) return fallback;
  let k = 1;
  while (k < e.length - 1 && e[k] < el) k++;
  return e[k] - e[k - 1];
}

/**
 * Vertical distance (metres) between the two beams that pass nearest above and below the point
 * (x, y, z), at its horizontal range from the sensor: range × the elevation gap there. 0 without
 * beam data. A sparse scanner's rows are far apart at range (a 32-beam scan's 0.7 m at 30 m), so
 * thin features between two rows (a bumper, a kerb) may not be hit at all.
 */
export function beamGapAt(sensor: ScanSensor, x: number, y: number, z: number): number {
  const d = Math.hypot(x - sensor.origin[0], y - sensor.origin[1]);
  return d * elevationGapAt(sensor, Math.atan2(z - sensor.origin[2], d));
}
