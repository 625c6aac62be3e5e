import { lidarBoxToNuscenes, mat3ToQuaternion, nuRigid, nuscenesBoxToLidar } from '../../nuscenes/nuscenesBoxToLidar.ts';
import type { Quaternion, Vec3Tuple } from '../../nuscenes/NuscenesTables.ts';
import type { Pose } from '../../poses/Pose.ts';
import type { Cuboid } from '../../types.ts';
import type { LabelFrame } from '../common/LabelFrame.ts';
import { hashToken, isToken } from '../common/hashToken.ts';
import { roundTo } from '../common/roundTo.ts';
import { settle } from '../common/settle.ts';
import { nuscenesAttributesOf } from './nuscenesKittiClasses.ts';

/** Decimals written for metres and quaternion components. */
export const NUSCENES_DIGITS = 9;

/**
 * The map mask file the one `map` row names, relative to the export root. The devkit's
 * `NuScenes()` needs a map row listing every log (`__make_reverse_index__` reads
 * `self.map[0]['log_tokens']` and looks each log up) and a file at its `filename` (`MapMask`
 * asserts it exists); Cuboid has no map, so the mask is a 1×1 black PNG (no drivable surface).
 */
export const NUSCENES_MAP_FILE = 'maps/cuboid-no-map.png';

/** Seconds between frames when the dataset gives no capture times (a 10 Hz LiDAR). */
export const DEFAULT_FRAME_INTERVAL = 0.1;

/** The nuScenes v1.0 tables the devkit loads, each a list of rows. */
export type NuscenesTableRows = Record<(typeof NUSCENES_TABLES)[number], Record<string, unknown>[]>;

/** Every table `NuScenes(version, dataroot)` of the devkit loads, in its order. */
export const NUSCENES_TABLES = [
  'category',
  'attribute',
  'visibility',
  'instance',
  'sensor',
  'calibrated_sensor',
  'ego_pose',
  'log',
  'scene',
  'sample',
  'sample_data',
  'sample_annotation',
  'map',
] as const;

export interface NuscenesFrameInput extends LabelFrame {
  /** Points of the frame inside each of its cuboids (same order), for `num_lidar_pts`; null when not counted. */
  pointsInBoxes: readonly number[] | null;
}

/**
 * nuScenes visibility tokens from KITTI `occluded`, the inverse of `occludedFromVisibility`:
 * 0 (visible) → `4` (80–100 %), 1 (partly) → `3` (60–80 %), 2 (largely) → `1` (0–40 %),
 * 3 (unknown) → `1` too: nuScenes has no "unknown" level, and its readers look every annotation's
 * token up in the visibility table (an empty one made `nusc.get('visibility', …)` fail).
 */
export function visibilityFromOccluded(occluded: number): string {
  return occluded === 0 ? '4' : occluded === 1 ? '3' : '1';
}

/** The instance token of a track: the track id itself when it is a token (read from nuScenes), else a hash of it. */
export function instanceToken(c: Pick<Cuboid, 'trackId' | 'id'>, frameId: string): string {
  if (c.trackId !== null) return isToken(c.trackId) ? c.trackId : hashToken(`instance:${c.trackId}`);
  return hashToken(`instance:${frameId}/${c.id}`);
}

const round = (v: number): number => roundTo(v, NUSCENES_DIGITS);

/** A pose as the rounded `translation` and `rotation` of a nuScenes row, and the exact matrix those rounded values stand for. */
function poseRow(pose: Pose | null): { translation: Vec3Tuple; rotation: Quaternion; matrix: number[] } {
  if (pose === null) return { translation: [0, 0, 0], rotation: [1, 0, 0, 0], matrix: nuRigid({ translation: [0, 0, 0], rotation: [1, 0, 0, 0] }) };
  const q = mat3ToQuaternion([pose[0], pose[1], pose[2], pose[4], pose[5], pose[6], pose[8], pose[9], pose[10]]).map(round) as Quaternion;
  const t = [pose[3], pose[7], pose[11]].map(round) as Vec3Tuple;
  return { translation: t, rotation: q, matrix: nuRigid({ translation: t, rotation: q }) };
}

/**
 * The nuScenes v1.0 tables of the frames (the nuscenes-devkit's schema): one `log` and `scene` per
 * sequence, one keyframe `sample` and LiDAR `sample_data` (`samples/LIDAR_TOP/<frame id>.pcd.bin`)
 * per frame, one `instance` per track, one `sample_annotation` per box, one `category` per class
 * (the class name as it is; `exportLabelFormat` maps KITTI classes first), one `attribute` per
 * nuScenes attribute name of the boxes (`nuscenes_attribute`), the four `visibility` levels, one `sensor` (`LIDAR_TOP`) and one
 * identity `calibrated_sensor` (the LiDAR frame is the ego frame), and one `map` row naming every
 * log (`NUSCENES_MAP_FILE`).
 *
 * Boxes follow the devkit's conventions: `translation` the box centre and `rotation` (`[w, x, y,
 * z]`, the box's +x along its length) in the **global** frame (`ego_pose` = the frame's LiDAR →
 * world pose) when the frame has a pose, else in the LiDAR frame with an identity `ego_pose`;
 * `size` `[width, length, height]`. `prev`/`next` link samples of a scene and annotations of an
 * instance. Tokens are 32 hex digits derived from the frame ids and track ids (a track id that is
 * already a token, as read from nuScenes, is kept). Timestamps are microseconds. Numbers are
 * rounded to 9 decimals and each box is settled against its pose (`settle`).
 */
export function formatNuscenesTables(frames: readonly NuscenesFrameInput[]): NuscenesTableRows {
  const t: NuscenesTableRows = Object.fromEntries(NUSCENES_TABLES.map((n) => [n, []])) as unknown as NuscenesTableRows;
  const sensorToken = hashToken('sensor:LIDAR_TOP');
  const csToken = hashToken('calibrated_sensor:LIDAR_TOP');
  t.sensor.push({ token: sensorToken, channel: 'LIDAR_TOP', modality: 'lidar' });
  t.calibrated_sensor.push({ token: csToken, sensor_token: sensorToken, translation: [0, 0, 0], rotation: [1, 0, 0, 0], camera_intrinsic: [] });
  const levels: [string, string, string][] = [
    ['1', 'v0-40', 'visibility of whole object is between 0 and 40%'],
    ['2', 'v40-60', 'visibility of whole object is between 40 and 60%'],
    ['3', 'v60-80', 'visibility of whole object is between 60 and 80%'],
    ['4', 'v80-100', 'visibility of whole object is between 80 and 100%'],
  ];
  for (const [token, level, description] of levels) t.visibility.push({ token, level, description });

  const categories = new Map<string, string>();
  const categoryOf = (label: string): string => {
    let token = categories.get(label);
    if (token === undefined) {
      token = hashToken(`category:${label}`);
      categories.set(label, token);
      t.category.push({ token, name: label, description: '' });
    }
    return token;
  };
  const attributes = new Map<string, string>();
  const attributeTokens = (c: Cuboid): string[] =>
    nuscenesAttributesOf(c.attributes).map((name) => {
      let token = attributes.get(name);
      if (token === undefined) {
        token = hashToken(`attribute:${name}`);
        attributes.set(name, token);
        t.attribute.push({ token, name, description: '' });
      }
      return token;
    });
  const bySequence = new Map<string, NuscenesFrameInput[]>();
  for (const f of frames) {
    const list = bySequence.get(f.sequence);
    if (list === undefined) bySequence.set(f.sequence, [f]);
    else list.push(f);
  }
  const instances = new Map<string, { row: Record<string, unknown>; anns: Record<string, unknown>[] }>();
  let frameIndex = 0;
  for (const [sequence, list] of bySequence) {
    const name = sequence === '' ? 'scene-0001' : sequence;
    const logToken = hashToken(`log:${name}`);
    const sceneToken = hashToken(`scene:${name}`);
    t.log.push({ token: logToken, logfile: '', vehicle: '', date_captured: '', location: '' });
    const sampleTokens = list.map((f) => hashToken(`sample:${f.frameId}`));
    t.scene.push({
      token: sceneToken,
      log_token: logToken,
      nbr_samples: list.length,
      first_sample_token: sampleTokens[0],
      last_sample_token: sampleTokens[sampleTokens.length - 1],
      name,
      description: '',
    });
    list.forEach((f, k) => {
      const timestamp = Math.round((f.timestamp ?? frameIndex * DEFAULT_FRAME_INTERVAL) * 1e6);
      frameIndex++;
      const sampleToken = sampleTokens[k];
      const sdToken = hashToken(`sample_data:${f.frameId}`);
      const prevSd = k > 0 ? hashToken(`sample_data:${list[k - 1].frameId}`) : '';
      const nextSd = k + 1 < list.length ? hashToken(`sample_data:${list[k + 1].frameId}`) : '';
      t.sample.push({ token: sampleToken, timestamp, prev: k > 0 ? sampleTokens[k - 1] : '', next: sampleTokens[k + 1] ?? '', scene_token: sceneToken });
      const pose = poseRow(f.pose);
      t.ego_pose.push({ token: sdToken, timestamp, rotation: pose.rotation, translation: pose.translation });
      t.sample_data.push({
        token: sdToken,
        sample_token: sampleToken,
        ego_pose_token: sdToken,
        calibrated_sensor_token: csToken,
        timestamp,
        fileformat: 'pcd',
        is_key_frame: true,
        height: 0,
        width: 0,
        filename: `samples/LIDAR_TOP/${f.frameId}.pcd.bin`,
        prev: prevSd,
        next: nextSd,
      });
      f.cuboids.forEach((c, i) => {
        const inst = instanceToken(c, f.frameId);
        const box = settledBox(c, pose.matrix);
        const ann: Record<string, unknown> = {
          token: hashToken(`sample_annotation:${inst}:${sampleToken}:${i}`),
          sample_token: sampleToken,
          instance_token: inst,
          visibility_token: visibilityFromOccluded(Number(c.attributes.occluded)),
          attribute_tokens: attributeTokens(c),
          translation: box.translation,
          size: box.size,
          rotation: box.rotation,
          prev: '',
          next: '',
          num_lidar_pts: f.pointsInBoxes?.[i] ?? 0,
          num_radar_pts: 0,
        };
        if (c.score !== undefined) ann.detection_score = c.score;
        t.sample_annotation.push(ann);
        let entry = instances.get(inst);
        if (entry === undefined) {
          entry = {
            row: { token: inst, category_token: categoryOf(c.label), nbr_annotations: 0, first_annotation_token: ann.token, last_annotation_token: ann.token },
            anns: [],
          };
          instances.set(inst, entry);
          t.instance.push(entry.row);
        }
        const prev = entry.anns[entry.anns.length - 1];
        if (prev !== undefined) {
          prev.next = ann.token;
          ann.prev = prev.token;
        }
        entry.anns.push(ann);
        entry.row.nbr_annotations = entry.anns.length;
        entry.row.last_annotation_token = ann.token;
      });
    });
  }
  t.map.push({ token: hashToken('map:cuboid'), log_tokens: t.log.map((l) => l.token), category: 'semantic_prior', filename: NUSCENES_MAP_FILE });
  return t;
}

/** A box's global `translation`, `size` and `rotation`, rounded and settled against `pose` (LiDAR → global). */
function settledBox(c: Cuboid, pose: number[]): { translation: Vec3Tuple; size: Vec3Tuple; rotation: Quaternion } {
  const encode = (b: Pick<Cuboid, 'center' | 'size' | 'yaw'>): number[] => {
    const g = lidarBoxToNuscenes(b, pose);
    return [...g.translation, ...g.size, ...g.rotation].map(round);
  };
  const decode = (v: number[]): Pick<Cuboid, 'center' | 'size' | 'yaw'> =>
    nuscenesBoxToLidar({ translation: [v[0], v[1], v[2]], size: [v[3], v[4], v[5]], rotation: [v[6], v[7], v[8], v[9]] }, pose);
  const v = settle(c, encode, decode).values;
  return { translation: [v[0], v[1], v[2]], size: [v[3], v[4], v[5]], rotation: [v[6], v[7], v[8], v[9]] };
}
