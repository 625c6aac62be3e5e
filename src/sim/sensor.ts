/**
 * Beam model of a 64-beam spinning LiDAR in the style of a Velodyne HDL-64E on a car roof.
 *
 * Frame: the LiDAR frame (x forward, y left, z up, metres, origin at the optical centre).
 * Azimuth is measured about +z from +x (counter-clockwise); the head spins clockwise seen from
 * above, starting and ending behind the car (as in KITTI, whose camera fires when the head faces
 * forward), so column k looks at azimuth `π − (k + 0.5)·2π/azimuthSteps`.
 */

export interface SensorModel {
  /** Number of lasers (rings). */
  beams: number;
  /** Elevation of each beam in radians, ascending; ring r uses elevations[r] (ring 0 = lowest). */
  elevations: Float64Array;
  /** Firings per revolution (columns). */
  azimuthSteps: number;
  /** Returns closer than this (metres) are discarded (the car's own roof). */
  minRange: number;
  /** Returns farther than this (metres) are lost. */
  maxRange: number;
  /** Standard deviation of the range noise, metres. */
  rangeNoise: number;
  /** Probability that any return is lost, before material and range effects. */
  baseDropout: number;
  /** Duration of one revolution, seconds (10 Hz → 0.1 s). */
  sweepPeriod: number;
  /** Height of the optical centre above the ground under the car, metres. */
  mountHeight: number;
}

/** Elevation limits of the HDL-64E-like beam fan, degrees. */
export const UPPER_BLOCK_DEG = [2.0, -8.33] as const;
export const LOWER_BLOCK_DEG = [-8.83, -24.9] as const;

/**
 * Beam elevations in radians, ascending. With 64 beams: an upper block of 32 beams from +2.0° to
 * −8.33° (≈1/3° apart) and a lower block of 32 from −8.83° to −24.9° (≈1/2° apart), like an
 * HDL-64E. Other counts (tests use few beams) split the same span into two equal blocks.
 */
export function beamElevations(beams: number): Float64Array {
  if (!Number.isInteger(beams) || beams < 2) throw new Error(`sim/sensor: beams must be an integer ≥ 2, got ${beams}`);
  const upper = Math.ceil(beams / 2);
  const lower = beams - upper;
  const degs: number[] = [];
  const spread = (from: number, to: number, n: number): void => {
    for (let i = 0; i < n; i++) degs.push(n === 1 ? from : from + ((to - from) * i) / (n - 1));
  };
  spread(UPPER_BLOCK_DEG[0], UPPER_BLOCK_DEG[1], upper);
  spread(LOWER_BLOCK_DEG[0], LOWER_BLOCK_DEG[1], lower);
  const out = new Float64Array(beams);
  degs.sort((a, b) => a - b).forEach((d, i) => (out[i] = (d * Math.PI) / 180));
  return out;
}

/**
 * The default sensor: 64 beams, 2000 columns, 2.5–120 m, 2 cm range noise, 10 Hz, 1.73 m high.
 * `elevations` (radians, strictly ascending) gives an explicit beam fan (see `sensorProfiles.ts`);
 * `beams` then follows from it and must agree when given too.
 */
export function createSensor(overrides: Partial<SensorModel> = {}): SensorModel {
  const elevations = overrides.elevations !== undefined ? checkedElevations(overrides.elevations) : undefined;
  if (elevations !== undefined && overrides.beams !== undefined && overrides.beams !== elevations.length) {
    throw new Error(`sim/sensor: beams (${overrides.beams}) must equal the number of elevations (${elevations.length})`);
  }
  const beams = elevations?.length ?? overrides.beams ?? 64;
  const fan = elevations ?? beamElevations(beams);
  const sensor: SensorModel = {
    azimuthSteps: 2000,
    minRange: 2.5,
    maxRange: 120,
    rangeNoise: 0.02,
    baseDropout: 0.01,
    sweepPeriod: 0.1,
    mountHeight: 1.73,
    ...overrides,
    beams,
    elevations: fan,
  };
  if (!Number.isInteger(sensor.azimuthSteps) || sensor.azimuthSteps < 4) {
    throw new Error(`sim/sensor: azimuthSteps must be an integer ≥ 4, got ${sensor.azimuthSteps}`);
  }
  return sensor;
}

/** A copy of explicit beam elevations (radians) after checking they are finite and strictly ascending. */
function checkedElevations(elevations: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(elevations);
  if (out.length < 1) throw new Error('sim/sensor: elevations must hold at least one beam');
  for (let r = 0; r < out.length; r++) {
    if (!Number.isFinite(out[r]) || Math.abs(out[r]) >= Math.PI / 2) {
      throw new Error(`sim/sensor: elevations[${r}] = ${out[r]} is not a finite angle in (−π/2, π/2) radians`);
    }
    if (r > 0 && !(out[r] > out[r - 1])) {
      throw new Error(`sim/sensor: elevations must be strictly ascending (ring 0 = lowest); elevations[${r}] ≤ elevations[${r - 1}]`);
    }
  }
  return out;
}

/** Unit ray directions of every firing, in firing order (column-major: ray = column·beams + ring). */
export interface RayBundle {
  count: number;
  dx: Float64Array;
  dy: Float64Array;
  dz: Float64Array;
  /** Azimuth of each column, radians. */
  azimuths: Float64Array;
}

/** Azimuth (radians) of column k. */
export function columnAzimuth(sensor: SensorModel, k: number): number {
  return Math.PI - ((k + 0.5) * 2 * Math.PI) / sensor.azimuthSteps;
}

/** Precomputes the direction of every ray of one revolution (LiDAR frame, unit vectors). */
export function buildRays(sensor: SensorModel): RayBundle {
  const { beams, azimuthSteps, elevations } = sensor;
  const count = beams * azimuthSteps;
  const dx = new Float64Array(count);
  const dy = new Float64Array(count);
  const dz = new Float64Array(count);
  const azimuths = new Float64Array(azimuthSteps);
  for (let k = 0; k < azimuthSteps; k++) {
    const az = columnAzimuth(sensor, k);
    azimuths[k] = az;
    const ca = Math.cos(az);
    const sa = Math.sin(az);
    for (let r = 0; r < beams; r++) {
      const ce = Math.cos(elevations[r]);
      const i = k * beams + r;
      dx[i] = ce * ca;
      dy[i] = ce * sa;
      dz[i] = Math.sin(elevations[r]);
    }
  }
  return { count, dx, dy, dz, azimuths };
}
