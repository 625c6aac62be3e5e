import { nuRigid } from '../nuscenes/nuscenesBoxToLidar.ts';
import type { NuCalibratedSensor, NuscenesTables, NuSampleData } from '../nuscenes/NuscenesTables.ts';
import type { Pose } from '../poses/Pose.ts';
import { composeRigid, invertRigid } from '../poses/rigid.ts';
import type { CameraProjection } from './CameraProjection.ts';

/** One camera image of a nuScenes sample. */
export interface NuscenesSampleCamera {
  /** The channel, from the file's folder: `CAM_FRONT` for `samples/CAM_FRONT/…jpg`. */
  channel: string;
  /** `sample_data.filename`, relative to the dataset root. */
  filename: string;
  /** The projection from the LiDAR frame, or null with `problem` saying why. */
  projection: CameraProjection | null;
  problem: string | null;
}

/** The channel of a camera keyframe file (`samples/CAM_FRONT/x.jpg` → `CAM_FRONT`), or null for another file. */
export function nuscenesCameraChannel(filename: string): string | null {
  const m = /^samples\/(CAM_[A-Za-z0-9_]+)\/[^/]+$/.exec(filename);
  return m === null ? null : m[1];
}

/** The nuScenes camera channels clockwise around the car from the front (others follow by name). */
export const NUSCENES_CHANNEL_ORDER = ['CAM_FRONT', 'CAM_FRONT_RIGHT', 'CAM_BACK_RIGHT', 'CAM_BACK', 'CAM_BACK_LEFT', 'CAM_FRONT_LEFT'];

function channelRank(filename: string): number {
  const i = NUSCENES_CHANNEL_ORDER.indexOf(nuscenesCameraChannel(filename) ?? '');
  return i < 0 ? NUSCENES_CHANNEL_ORDER.length : i;
}

/** Camera sample_data rows (keyframes under `samples/CAM_*`) by sample token, clockwise from the front (`NUSCENES_CHANNEL_ORDER`). */
export function nuscenesCameraRows(t: NuscenesTables): Map<string, NuSampleData[]> {
  const bySample = new Map<string, NuSampleData[]>();
  for (const sd of t.sample_data.values()) {
    if (!sd.is_key_frame || nuscenesCameraChannel(sd.filename) === null) continue;
    const list = bySample.get(sd.sample_token);
    if (list === undefined) bySample.set(sd.sample_token, [sd]);
    else list.push(sd);
  }
  for (const list of bySample.values())
    list.sort((a, b) => channelRank(a.filename) - channelRank(b.filename) || (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
  return bySample;
}

/**
 * The intrinsic matrix of a camera's `calibrated_sensor` row (`camera_intrinsic`, 3×3 nested
 * arrays, pixels) as 9 row-major values, or a problem naming the row and field.
 */
export function nuscenesIntrinsic(cs: NuCalibratedSensor): { K: number[] } | { problem: string } {
  const raw = cs.camera_intrinsic;
  const where = `calibrated_sensor.json: row ${cs._row ?? '?'} (token "${cs.token}"), field "camera_intrinsic"`;
  if (!Array.isArray(raw) || raw.length !== 3 || !raw.every((r) => Array.isArray(r) && r.length === 3))
    return { problem: `${where}: expected a 3×3 matrix, got ${JSON.stringify(raw ?? null).slice(0, 60)}` };
  const K = (raw as unknown[][]).flat();
  if (!K.every((v) => typeof v === 'number' && Number.isFinite(v))) return { problem: `${where}: every value must be a finite number` };
  const k = K as number[];
  if (!(k[0] > 0 && k[4] > 0) || k[6] !== 0 || k[7] !== 0 || k[8] !== 1)
    return { problem: `${where}: not a pinhole intrinsic matrix (f_x, f_y > 0, last row 0 0 1)` };
  return { K: k };
}

/**
 * The cameras of a nuScenes sample as the devkit's `map_pointcloud_to_image` projects into them:
 * LiDAR → global by `lidarPose` (the LiDAR sample_data's `ego_pose · calibrated_sensor`), then
 * global → camera by the inverse of the camera sample_data's `ego_pose · calibrated_sensor`
 * (each camera has its own timestamp, so its own ego pose), then the camera's 3×3
 * `camera_intrinsic` as `P = [K | 0]`.
 */
export function nuscenesSampleCameras(t: NuscenesTables, rows: readonly NuSampleData[], lidarPose: Pose): NuscenesSampleCamera[] {
  return rows.map((sd) => {
    const channel = nuscenesCameraChannel(sd.filename) as string;
    const base = { channel, filename: sd.filename };
    const cs = t.calibrated_sensor.get(sd.calibrated_sensor_token);
    const ego = t.ego_pose.get(sd.ego_pose_token);
    if (cs === undefined || ego === undefined)
      return { ...base, projection: null, problem: `sample_data.json: token "${sd.token}" names a calibrated sensor or ego pose no table holds` };
    const intrinsic = nuscenesIntrinsic(cs);
    if ('problem' in intrinsic) return { ...base, projection: null, problem: intrinsic.problem };
    const cameraToGlobal = composeRigid(nuRigid(ego), nuRigid(cs));
    const lidarToCamera = composeRigid(invertRigid(cameraToGlobal), lidarPose);
    const K = intrinsic.K;
    const P = [K[0], K[1], K[2], 0, K[3], K[4], K[5], 0, K[6], K[7], K[8], 0];
    return { ...base, projection: { P, lidarToCamera }, problem: null };
  });
}
