/**
 * Named LiDAR models for the simulator, so that anything tuned on one sensor can be measured on
 * others (`npm run bench:quality`). Each profile is a beam fan (elevations), a column count, a
 * range limit and a mounting height; the rest (noise, dropout, 10 Hz) is the simulator default.
 * The figures are those of the public data sheets, rounded; the fans are what matters here: how
 * many beams, how far apart, and how far they reach.
 *
 * Frame: the LiDAR frame of `sensor.ts` (x forward, y left, z up, metres, origin at the optical
 * centre). `toVehicleFrame` moves a simulated frame to a vehicle frame whose origin is on the
 * ground under the sensor (as Argoverse 2 gives its sweeps).
 */
import { beamElevations, createSensor } from './sensor.ts';
import type { SensorModel } from './sensor.ts';
import type { SimFrame } from './simulateFrame.ts';

export const SENSOR_PROFILE_IDS = ['vlp16', 'hdl32', 'hdl64', 'os128', 'pandar64'] as const;
export type SensorProfileId = (typeof SENSOR_PROFILE_IDS)[number];

/** A named sensor: what it is modelled on, and its beam fan in degrees (ascending). */
export interface SensorProfile {
  id: SensorProfileId;
  /** What the profile is modelled on, in words. */
  description: string;
  /** Beam elevations in radians, strictly ascending (ring 0 = lowest). */
  elevations: Float64Array;
  /** Firings per revolution (columns). */
  azimuthSteps: number;
  /** Farthest return, metres. */
  maxRange: number;
}

/** `n` evenly spaced values from `from` to `to`, both included. */
function evenly(from: number, to: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (n === 1 ? from : from + ((to - from) * i) / (n - 1)));
}

/**
 * A Pandar64-like fan: 48 beams 1/6° apart over −6°..+1.83° (the band where distant cars are),
 * coarse beams above (+2°, +3°, +5°, +8°, +11°, +15°) and below (−7° … −14° every 1°, −19°, −25°).
 */
function pandar64Fan(): number[] {
  const dense = evenly(-6, -6 + 47 / 6, 48);
  const above = [2, 3, 5, 8, 11, 15];
  const below = [-25, -19, -14, -13, -12, -11, -10, -9, -8, -7];
  return [...below, ...dense, ...above];
}

const radians = (degrees: readonly number[]): Float64Array => Float64Array.from(degrees, (d) => (d * Math.PI) / 180);

export const SENSOR_PROFILES: Readonly<Record<SensorProfileId, SensorProfile>> = {
  vlp16: {
    id: 'vlp16',
    description: 'Velodyne VLP-16-like: 16 beams −15°..+15° every 2°, 0.2° azimuth (1800 columns), 100 m',
    elevations: radians(evenly(-15, 15, 16)),
    azimuthSteps: 1800,
    maxRange: 100,
  },
  hdl32: {
    id: 'hdl32',
    description: 'Velodyne HDL-32E-like: 32 beams −30.67°..+10.67° (4/3° apart), 0.18° azimuth (2000 columns), 100 m',
    elevations: radians(evenly(-30.67, 10.67, 32)),
    azimuthSteps: 2000,
    maxRange: 100,
  },
  hdl64: {
    id: 'hdl64',
    description: 'Velodyne HDL-64E-like (the simulator default, as in samples/): 64 beams +2°..−24.9°, 1800 columns, 120 m',
    elevations: beamElevations(64),
    azimuthSteps: 1800,
    maxRange: 120,
  },
  os128: {
    id: 'os128',
    description: 'Ouster OS-128-like: 128 beams uniform −22.5°..+22.5°, 2048 columns, 120 m',
    elevations: radians(evenly(-22.5, 22.5, 128)),
    azimuthSteps: 2048,
    maxRange: 120,
  },
  pandar64: {
    id: 'pandar64',
    description: 'Hesai Pandar64-like: 64 beams −25°..+15°, 1/6° apart over −6°..+1.8°, coarser beyond; 1800 columns, 200 m',
    elevations: radians(pandar64Fan()),
    azimuthSteps: 1800,
    maxRange: 200,
  },
};

/**
 * The simulator's sensor for a profile, mounted `mountHeight` metres above the ground (default
 * 1.73 m). `hdl64` at 1.73 m is the sensor of `npm run samples` (the same `beamElevations(64)` fan).
 */
export function sensorForProfile(id: SensorProfileId, mountHeight = 1.73): SensorModel {
  const p = SENSOR_PROFILES[id];
  if (p === undefined) throw new Error(`sim/sensorProfiles: unknown profile "${String(id)}" (known: ${SENSOR_PROFILE_IDS.join(', ')})`);
  if (!(mountHeight > 0 && mountHeight < 10)) throw new Error(`sim/sensorProfiles: mountHeight must be in (0, 10) m, got ${mountHeight}`);
  return createSensor({
    elevations: p.elevations,
    azimuthSteps: p.azimuthSteps,
    maxRange: p.maxRange,
    mountHeight,
  });
}

/**
 * The same frame with points and boxes given in a vehicle frame whose origin lies `height`
 * metres below the optical centre (on the ground under the sensor; axes unchanged): every z
 * grows by `height`. Argoverse 2 publishes its sweeps this way. Returns a new frame; the input
 * is not changed (the point attributes and `pointOwner` are shared).
 */
export function toVehicleFrame(frame: SimFrame, height: number): SimFrame {
  const src = frame.cloud.positions;
  const positions = new Float32Array(src.length);
  for (let o = 0; o < src.length; o += 3) {
    positions[o] = src[o];
    positions[o + 1] = src[o + 1];
    positions[o + 2] = src[o + 2] + height;
  }
  return {
    ...frame,
    cloud: { ...frame.cloud, positions },
    objects: frame.objects.map((o) => ({ ...o, center: [o.center[0], o.center[1], o.center[2] + height] })),
  };
}
