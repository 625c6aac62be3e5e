import { truncatedNormalMean } from './truncatedNormal.ts';

/** Beam spacing assumed when neither the sensor nor the cluster's rows tell it, radians (≈0.4°). */
export const DEFAULT_ELEVATION_GAP = 0.4 * (Math.PI / 180);

export interface FitHeightInput {
  /** z of the object's points (LiDAR frame, metres) and their horizontal distance from the sensor. */
  zs: Float64Array;
  ranges: Float64Array;
  /** Ground height under the object, metres. */
  bottom: number;
  /** Sensor height (z of its optical centre), metres. */
  sensorZ: number;
  /** Nearest and farthest horizontal distance of the fitted footprint from the sensor, metres. */
  footprintNear: number;
  footprintFar: number;
  /** Class prior height and its spread, and the class range [min, max], metres. */
  prior: number;
  spread: number;
  range: readonly [number, number];
  /** Beam elevations of the sensor (radians, ascending), when known. */
  elevations?: Float64Array;
}

export interface FitHeightResult {
  /** Height of the box, metres. */
  height: number;
  /** Whether the top of the object was seen: a beam above the highest return would have hit it. */
  topSeen: boolean;
}

/**
 * The height of an object from its highest return and the beam geometry.
 *
 * The highest return is a lower bound. The next beam above it (from `elevations`, else the spacing
 * of the cluster's own rows, else 0.4°) passes over the object: had the object been taller than
 * where that beam crosses the footprint (at its lowest point over the footprint), it would have
 * returned from it. That crossing is an upper bound. When the two are close the top was seen and
 * the height is the highest return; otherwise the height is the class prior restricted to
 * [lower, upper bound] (a far car's roof between two beams, a truck taller than the top beam).
 */
export function fitHeight(input: FitHeightInput): FitHeightResult {
  const { zs, ranges, bottom, sensorZ } = input;
  let top = 0;
  for (let i = 1; i < zs.length; i++) if (zs[i] > zs[top]) top = i;
  const visible = Math.max(0, zs[top] - bottom);
  const eTop = Math.atan2(zs[top] - sensorZ, Math.max(ranges[top], 1e-3));
  const eNext = nextBeamAbove(eTop, input.elevations, zs, ranges, sensorZ);
  let upper = Infinity;
  if (eNext !== null) {
    const rho = eNext >= 0 ? input.footprintNear : input.footprintFar;
    upper = sensorZ + Math.max(rho, 0) * Math.tan(eNext) - bottom;
  }
  // A bound below the class's least height says the bottom is wrong (a ground model lifted by
  // the object's own returns), not that the object is flat: never a box of no height.
  upper = Math.max(upper, visible, input.range[0]);
  const hi = Math.max(visible, Math.min(upper, input.range[1]));
  const lo = Math.max(visible, Math.min(input.range[0], hi));
  const topSeen = upper - visible <= Math.max(0.1, 0.1 * input.prior);
  return { height: truncatedNormalMean(input.prior, input.spread, lo, hi), topSeen };
}

/**
 * Elevation (radians) of the beam above `eTop`: from the sensor's beam list (null above the top
 * beam), else one row spacing above it: the spacing of the cluster's rows when it shows at least
 * three rows wider apart than `DEFAULT_ELEVATION_GAP`, else that default.
 */
function nextBeamAbove(eTop: number, elevations: Float64Array | undefined, zs: Float64Array, ranges: Float64Array, sensorZ: number): number | null {
  if (elevations !== undefined && elevations.length >= 2) {
    // The beam the top return came from is the nearest; the next one up is the bound.
    let j = 0;
    for (let k = 1; k < elevations.length; k++) if (Math.abs(elevations[k] - eTop) < Math.abs(elevations[j] - eTop)) j = k;
    return j + 1 < elevations.length ? elevations[j + 1] : null;
  }
  // Sparser rows than the default (a 16-beam sensor) widen the bound; denser ones are not trusted
  // (two interleaved sensors, or an origin off the optical centre, make rows look closer).
  return eTop + Math.max(DEFAULT_ELEVATION_GAP, rowSpacing(zs, ranges, sensorZ));
}

/** Median angular spacing of the cluster's scan rows (radians), or the default when unclear. */
function rowSpacing(zs: Float64Array, ranges: Float64Array, sensorZ: number): number {
  const n = zs.length;
  if (n < 6) return DEFAULT_ELEVATION_GAP;
  const el = new Float64Array(n);
  let meanRange = 0;
  for (let i = 0; i < n; i++) {
    el[i] = Math.atan2(zs[i] - sensorZ, Math.max(ranges[i], 1e-3));
    meanRange += ranges[i] / n;
  }
  el.sort();
  // Returns of one beam scatter by the range noise (≈2 cm) seen from the sensor.
  const tol = Math.max(0.1 * (Math.PI / 180), 0.04 / Math.max(meanRange, 1));
  const rows: number[] = [];
  let sum = el[0];
  let count = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && el[i] - el[i - 1] <= tol) {
      sum += el[i];
      count++;
      continue;
    }
    rows.push(sum / count);
    if (i < n) {
      sum = el[i];
      count = 1;
    }
  }
  if (rows.length < 3) return DEFAULT_ELEVATION_GAP;
  const gaps = rows
    .slice(1)
    .map((r, k) => r - rows[k])
    .sort((a, b) => a - b);
  const g = gaps[Math.floor(gaps.length / 2)];
  return g > 0.1 * (Math.PI / 180) && g < 4 * (Math.PI / 180) ? g : DEFAULT_ELEVATION_GAP;
}
