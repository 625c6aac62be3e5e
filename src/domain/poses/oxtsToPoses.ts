import { kittiError } from '../kitti/KittiError.ts';
import { mat4From3x4 } from '../kitti/mat4.ts';
import { parseNumberToken } from '../kitti/parseNumberToken.ts';
import type { Pose } from './Pose.ts';
import { composeRigid, invertAffine, invertRigid, rigidFrom } from './rigid.ts';

/** The part of one OXTS (GPS/IMU) record a pose needs. Degrees for lat/lon, metres, radians. */
export interface OxtsRecord {
  /** Latitude, degrees. */
  lat: number;
  /** Longitude, degrees. */
  lon: number;
  /** Altitude, metres. */
  alt: number;
  /** Roll, radians (0 = level; positive = left side up). */
  roll: number;
  /** Pitch, radians (0 = level; positive = front down). */
  pitch: number;
  /** Heading, radians (0 = east, positive = counter-clockwise). */
  yaw: number;
}

/** Names of the first six OXTS columns, for errors. */
const OXTS_FIELDS = ['lat', 'lon', 'alt', 'roll', 'pitch', 'yaw'] as const;

/** Earth radius at the equator the KITTI devkit uses for its Mercator projection, metres. */
export const EARTH_RADIUS = 6378137;

/**
 * Parses a KITTI tracking `oxts/SEQ.txt` (or the lines of raw `oxts/data/*.txt`): one line per
 * frame (line i = frame i), 30 values of which the first six are read (lat lon alt roll pitch yaw;
 * the KITTI raw data devkit's `dataformat.txt`). Trailing blank lines are allowed.
 * @throws KittiError naming the file, line and field for fewer than 6 values, a value that is not
 *   a finite number, a latitude outside ±90° or a longitude outside ±180°, or a blank line inside.
 */
export function parseOxts(text: string, opts: { fileName?: string } = {}): OxtsRecord[] {
  const fileName = opts.fileName;
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') throw kittiError('parseOxts', { fileName, line }, 'blank line: every line is one frame, so a gap would shift the frames after it');
    const tokens = trimmed.split(/\s+/);
    if (tokens.length < 6)
      throw kittiError('parseOxts', { fileName, line }, `expected 30 values (at least lat lon alt roll pitch yaw), found ${tokens.length}`);
    const v = OXTS_FIELDS.map((field, k) => {
      const value = parseNumberToken(tokens[k]);
      if (value === null || !Number.isFinite(value)) throw kittiError('parseOxts', { fileName, line, field }, `"${tokens[k]}" is not a number`);
      return value;
    });
    if (Math.abs(v[0]) > 90) throw kittiError('parseOxts', { fileName, line, field: 'lat' }, `${tokens[0]} is outside -90..90 degrees`);
    if (Math.abs(v[1]) > 180) throw kittiError('parseOxts', { fileName, line, field: 'lon' }, `${tokens[1]} is outside -180..180 degrees`);
    return { lat: v[0], lon: v[1], alt: v[2], roll: v[3], pitch: v[4], yaw: v[5] };
  });
}

/**
 * IMU poses from OXTS records, as the KITTI devkit's `convertOxtsToPose` computes them: the
 * Mercator scale is `cos(lat₀)` of the first record; the translation is
 * `(scale·er·lon·π/180, scale·er·ln tan((90+lat)·π/360), alt)` with `er = 6378137 m`; the rotation
 * is `Rz(yaw)·Ry(pitch)·Rx(roll)`; and every pose is premultiplied by the inverse of the first, so
 * pose 0 is the identity. Pose i takes a point of the IMU frame of record i into the IMU frame of
 * record 0 (x forward, y left, z up; metres).
 */
export function oxtsToImuPoses(records: readonly OxtsRecord[]): Pose[] {
  if (records.length === 0) return [];
  const scale = Math.cos((records[0].lat * Math.PI) / 180);
  const raw = records.map((r) => {
    const tx = (scale * r.lon * Math.PI * EARTH_RADIUS) / 180;
    const ty = scale * EARTH_RADIUS * Math.log(Math.tan(((90 + r.lat) * Math.PI) / 360));
    return rigidFrom(rotationZyx(r.yaw, r.pitch, r.roll), [tx, ty, r.alt]);
  });
  const firstInv = invertRigid(raw[0]);
  return raw.map((m) => composeRigid(firstInv, m));
}

/**
 * LiDAR poses from OXTS records: `Tr · P_i · Tr⁻¹` with `P_i` the IMU poses (`oxtsToImuPoses`)
 * and `Tr` the sequence's `Tr_imu_to_velo` (3×4 or 4×4, IMU → LiDAR). Pose i takes a point of
 * frame i's LiDAR frame into frame 0's LiDAR frame (the world; pose 0 is the identity).
 * @throws KittiError when `Tr_imu_to_velo` is singular.
 */
export function oxtsToLidarPoses(records: readonly OxtsRecord[], imuToVelo: readonly number[], fileName?: string): Pose[] {
  const tr = imuToVelo.length === 12 ? mat4From3x4(imuToVelo) : [...imuToVelo];
  const trInv = invertAffine(tr);
  if (trInv === null) throw kittiError('oxtsToLidarPoses', { fileName, field: 'Tr_imu_to_velo' }, 'the calibration is singular');
  return oxtsToImuPoses(records).map((p) => composeRigid(composeRigid(tr, p), trInv));
}

/** `Rz(yaw) · Ry(pitch) · Rx(roll)`, row-major 3×3. */
function rotationZyx(yaw: number, pitch: number, roll: number): number[] {
  const [cz, sz] = [Math.cos(yaw), Math.sin(yaw)];
  const [cy, sy] = [Math.cos(pitch), Math.sin(pitch)];
  const [cx, sx] = [Math.cos(roll), Math.sin(roll)];
  return [cz * cy, cz * sy * sx - sz * cx, cz * sy * cx + sz * sx, sz * cy, sz * sy * sx + cz * cx, sz * sy * cx - cz * sx, -sy, cy * sx, cy * cx];
}
