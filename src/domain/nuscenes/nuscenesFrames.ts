import type { Pose } from '../poses/Pose.ts';
import type { Cuboid } from '../types.ts';
import { nuLidarPose, nuscenesBoxToLidar } from './nuscenesBoxToLidar.ts';
import { NUSCENES_ATTRIBUTE_KEY, type NuscenesTables, type NuSampleAnnotation } from './NuscenesTables.ts';

/** Where nuScenes keeps the top LiDAR's keyframe files, relative to the dataset root. */
export const LIDAR_TOP_DIR = 'samples/LIDAR_TOP/';

/** One LiDAR keyframe of a nuScenes dataset, with its boxes in its LiDAR frame. */
export interface NuscenesFrame {
  /** The app's frame id (see `nuscenesFrameId`). */
  id: string;
  /** `sample_data.filename`, relative to the dataset root. */
  filename: string;
  sampleToken: string;
  sampleDataToken: string;
  /** The scene's name when `scene.json` is given, else its token. */
  sequence: string;
  /** Microseconds. */
  timestamp: number;
  /** LiDAR → global (`ego_pose · calibrated_sensor` of this sample_data). */
  pose: Pose;
  /** The sample's annotations in this LiDAR frame: box id = annotation token, track id = instance token, label = category name. */
  cuboids: Cuboid[];
}

/**
 * The app's frame id of a nuScenes LiDAR file: its name without `.pcd.bin`, every character
 * other than a letter, digit, `_`, `-` or `.` replaced by `_` (the `+` of the log's time zone),
 * e.g. `n015-2018-07-24-11-22-45_0800__LIDAR_TOP__1532402927647951`. Sorting these ids sorts by
 * log, then time, so each scene's frames stay together and in order.
 */
export function nuscenesFrameId(filename: string): string {
  const base = filename.slice(filename.lastIndexOf('/') + 1).replace(/\.pcd\.bin$/i, '');
  return base
    .replace(/[^A-Za-z0-9_.-]/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^\.+|\.+$/g, '_');
}

/**
 * KITTI's `occluded` from nuScenes visibility (share of the object visible in the cameras):
 * `4` (80–100 %) → 0, `3` (60–80 %) and `2` (40–60 %) → 1, `1` (0–40 %) → 2, none → 3 (unknown).
 */
export function occludedFromVisibility(token: string): number {
  return token === '4' ? 0 : token === '3' || token === '2' ? 1 : token === '1' ? 2 : 3;
}

/**
 * The annotation's nuScenes attribute names (`attribute.json`; tokens it does not hold are
 * skipped) as the cuboid attribute `nuscenes_attribute`, comma-separated, or nothing.
 */
function attributeNames(t: NuscenesTables, a: NuSampleAnnotation): Record<string, string> {
  const names = a.attribute_tokens.map((tok) => t.attribute.get(tok)?.name).filter((n): n is string => n !== undefined && n !== '');
  return names.length > 0 ? { [NUSCENES_ATTRIBUTE_KEY]: names.join(',') } : {};
}

/**
 * The LiDAR keyframes of the tables (sample_data rows whose file is in `samples/LIDAR_TOP/`), in
 * scene order then time order, each with its pose and its sample's boxes converted into its LiDAR
 * frame (`nuscenesBoxToLidar`; `truncated` 0, `occluded` from visibility, `source` 'import').
 */
export function nuscenesFrames(t: NuscenesTables): NuscenesFrame[] {
  const bySample = new Map<string, NuSampleAnnotation[]>();
  for (const a of t.sample_annotation.values()) {
    const list = bySample.get(a.sample_token);
    if (list === undefined) bySample.set(a.sample_token, [a]);
    else list.push(a);
  }
  const frames: NuscenesFrame[] = [];
  for (const sd of t.sample_data.values()) {
    if (!sd.filename.startsWith(LIDAR_TOP_DIR)) continue;
    const sample = t.sample.get(sd.sample_token);
    const ego = t.ego_pose.get(sd.ego_pose_token);
    const cs = t.calibrated_sensor.get(sd.calibrated_sensor_token);
    if (sample === undefined || ego === undefined || cs === undefined) continue;
    const pose = nuLidarPose(ego, cs);
    const cuboids: Cuboid[] = [];
    for (const a of bySample.get(sample.token) ?? []) {
      const instance = t.instance.get(a.instance_token);
      const category = instance === undefined ? undefined : t.category.get(instance.category_token);
      if (category === undefined) continue;
      const shape = nuscenesBoxToLidar(a, pose);
      cuboids.push({
        id: a.token,
        trackId: a.instance_token,
        label: category.name,
        center: shape.center,
        size: shape.size,
        yaw: shape.yaw,
        attributes: { truncated: 0, occluded: occludedFromVisibility(a.visibility_token), ...attributeNames(t, a) },
        source: 'import',
      });
    }
    frames.push({
      id: nuscenesFrameId(sd.filename),
      filename: sd.filename,
      sampleToken: sample.token,
      sampleDataToken: sd.token,
      sequence: t.scene.get(sample.scene_token)?.name ?? sample.scene_token,
      timestamp: sd.timestamp,
      pose,
      cuboids,
    });
  }
  const firstTime = new Map<string, number>();
  for (const f of frames) firstTime.set(f.sequence, Math.min(firstTime.get(f.sequence) ?? Infinity, f.timestamp));
  return frames.sort(
    (a, b) =>
      (firstTime.get(a.sequence) as number) - (firstTime.get(b.sequence) as number) ||
      (a.sequence < b.sequence ? -1 : a.sequence > b.sequence ? 1 : 0) ||
      a.timestamp - b.timestamp,
  );
}
