import { estimateGround } from '../geometry/estimateGround.ts';
import type { GroundModel } from '../geometry/estimateGround.ts';
import { beamGapAt } from './beamGapAt.ts';
import { estimateScanSensor } from './estimateScanSensor.ts';
import type { ScanSensor } from './ScanSensor.ts';
import { sparseGroundRings } from './sparseGroundRings.ts';
import { standingOnRings } from './standingOnRings.ts';

/** Cell edge of the ground model, metres (`estimateGround`'s default). */
const GROUND_CELL = 2;
/** Reach of the first ground estimate, before the sensor is known, metres (`estimateGround`'s default). */
const FIRST_PASS_RANGE = 80;
/** The ground model never reaches farther than this, metres: 250 m is past any automotive LiDAR's range. */
const FARTHEST = 250;

export interface GroundAndSensorOptions {
  /** A beam (ring / laser id) per point, when the file has one. */
  ring?: ArrayLike<number>;
  /** Where the sensor sat in the points' frame, when known. */
  origin?: readonly [number, number, number];
  /** A ground model already estimated for the same positions: kept as it is. */
  ground?: GroundModel;
  /** A sensor model already estimated for the same positions. */
  sensor?: ScanSensor;
}

/**
 * The ground under a scan (x y z interleaved, metres) and the sensor model read from it, each
 * knowing the other: a first ground gives the sensor its height; knowing the beams, the ground
 * is estimated again where the scanner's ground rings lie farther apart than a ground cell, as
 * only objects return there (`estimateGround`'s `sparseRingsAt`: a car 25 m from a 16-beam
 * scanner no longer lifts the ground to its bumper), without the returns that stand in front of
 * the ground their beam reaches (`standingOnRings`: a far car hit by one beam only), without cells
 * that rays pass under, without a far vehicle's row in the ring gap of a sparse scanner (`ringGap`),
 * out to the scan's range and none within the sensor's blind disc. The one
 * ground the checks, the fit, ground hiding and drag-to-ground all use. `standing`: those returns
 * (1 per point), when the beams were read.
 */
export function groundAndSensor(
  positions: Float32Array,
  opts: GroundAndSensorOptions = {},
): { ground: GroundModel; sensor: ScanSensor; standing?: Uint8Array } {
  const first = opts.ground ?? estimateGround(positions);
  const sensor = opts.sensor ?? estimateScanSensor(positions, { ring: opts.ring, origin: opts.origin, ground: first });
  if (opts.ground !== undefined || sensor.beams < 2) return { ground: first, sensor };
  const exclude = standingOnRings(positions, sensor, opts.ring) ?? undefined;
  const maxRange = Math.max(FIRST_PASS_RANGE, Math.min(FARTHEST, 1.05 * sensor.maxRange + Math.hypot(sensor.origin[0], sensor.origin[1])));
  const ground = estimateGround(positions, {
    sparseRingsAt: sparseGroundRings(sensor, GROUND_CELL),
    exclude,
    sensorOrigin: sensor.origin,
    blindRadius: blindRadius(sensor),
    ringGap: ringGap(sensor),
    maxRange,
  });
  return { ground, sensor, standing: exclude };
}

/** Ground rings farther apart than this (metres) leave a gap where no ground answers. */
const RING_GAP = 15;
/** Beams farther apart than this (metres, vertically at the range) show a far car's body as one row at most. */
const ONE_ROW = 1;

/**
 * Where a cell's low return (x, y, z) lies in the ring gap of a sparse scanner: its ground rings
 * there lie more than 15 m apart and its beams more than 1 m apart, so a far vehicle shows one row
 * and no ground answers beside it (a 16-beam scanner beyond about 33 m, a 32-beam one beyond
 * about 43 m; a 64-beam one, 0.3–0.4° apart near the horizon, hardly anywhere); and the height of
 * flat ground under the sensor. None without a height.
 */
function ringGap(sensor: ScanSensor): { flatZ: number; at: (x: number, y: number, z: number) => boolean } | undefined {
  if (!(sensor.heightAboveGround > 0)) return undefined;
  const sparse = sparseGroundRings(sensor, RING_GAP);
  return { flatZ: sensor.origin[2] - sensor.heightAboveGround, at: (x, y, z) => beamGapAt(sensor, x, y, z) > ONE_ROW && sparse(x, y) };
}

/** Share of the distance at which the lowest beam meets flat ground that is taken as blind. */
const BLIND_SHARE = 0.9;
/** The blind disc never reaches farther than this, metres. */
const MAX_BLIND = 15;

/**
 * Horizontal distance (metres) within which the sensor's lowest beam cannot reach flat ground
 * `heightAboveGround` below it (90 % of where it meets it, at most 15 m): a 16-beam scanner 2 m up
 * sees no ground within 7.5 m, so what lies lowest there is a car or a van beside it. 0 when
 * unknown.
 */
function blindRadius(sensor: ScanSensor): number {
  const h = sensor.heightAboveGround;
  const lowest = sensor.elevations.length > 0 ? sensor.elevations[0] : 0;
  if (!(h > 0) || !(lowest < 0)) return 0;
  return Math.min(MAX_BLIND, (BLIND_SHARE * h) / Math.tan(-lowest));
}
