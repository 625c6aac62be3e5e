/**
 * The nuScenes v1.0 tables Cuboid reads (the nuScenes devkit's schema, `docs/schema_nuscenes.md`),
 * with only the fields it uses. Translations are metres, rotations unit quaternions
 * `[w, x, y, z]`, timestamps microseconds. Empty string tokens mean "none" (`prev`, `next`).
 */

export type Vec3Tuple = [number, number, number];
export type Quaternion = [number, number, number, number];

/** `sample.json`: an annotated keyframe of a scene (2 Hz). */
export interface NuSample {
  token: string;
  timestamp: number;
  scene_token: string;
  prev: string;
  next: string;
}

/** `sample_data.json`: one sensor file; the LiDAR ones are `samples/LIDAR_TOP/*.pcd.bin`. */
export interface NuSampleData {
  token: string;
  sample_token: string;
  ego_pose_token: string;
  calibrated_sensor_token: string;
  /** Relative to the dataset root, e.g. `samples/LIDAR_TOP/n015-…__LIDAR_TOP__1532402927647951.pcd.bin`. */
  filename: string;
  timestamp: number;
  is_key_frame: boolean;
}

/** `ego_pose.json`: the ego vehicle's body frame → global frame at a timestamp. */
export interface NuEgoPose {
  token: string;
  translation: Vec3Tuple;
  rotation: Quaternion;
  timestamp: number;
}

/** `calibrated_sensor.json`: a sensor's frame → the ego body frame. */
export interface NuCalibratedSensor {
  token: string;
  sensor_token: string;
  translation: Vec3Tuple;
  rotation: Quaternion;
  /**
   * A camera's 3×3 intrinsics (pixels; empty for other sensors), as read: not checked by the parse,
   * `nuscenesIntrinsic` (domain/camera) checks it where it is used.
   */
  camera_intrinsic?: unknown;
  /** The row's index in the file (set by the parse), for messages. */
  _row?: number;
}

/** `sample_annotation.json`: one box, global frame: centre, size `[w, l, h]`, rotation. */
export interface NuSampleAnnotation {
  token: string;
  sample_token: string;
  instance_token: string;
  visibility_token: string;
  attribute_tokens: string[];
  translation: Vec3Tuple;
  size: Vec3Tuple;
  rotation: Quaternion;
  num_lidar_pts: number | null;
}

/** `instance.json`: one object across a scene (the track). */
export interface NuInstance {
  token: string;
  category_token: string;
}

/** `category.json`: a class, e.g. `vehicle.car`. */
export interface NuCategory {
  token: string;
  name: string;
}

/** The cuboid attribute that carries a box's nuScenes attribute names (comma-separated, e.g. `cycle.with_rider`). */
export const NUSCENES_ATTRIBUTE_KEY = 'nuscenes_attribute';

/** `attribute.json` (optional): a property of an annotation, e.g. `cycle.with_rider`. */
export interface NuAttribute {
  token: string;
  name: string;
}

/** `scene.json` (optional): a scene's name, e.g. `scene-0061`. */
export interface NuScene {
  token: string;
  name: string;
}

/** The tables read, each by token. */
export interface NuscenesTables {
  sample: Map<string, NuSample>;
  sample_data: Map<string, NuSampleData>;
  ego_pose: Map<string, NuEgoPose>;
  calibrated_sensor: Map<string, NuCalibratedSensor>;
  sample_annotation: Map<string, NuSampleAnnotation>;
  instance: Map<string, NuInstance>;
  category: Map<string, NuCategory>;
  /** Empty when the dataset has no `scene.json`. */
  scene: Map<string, NuScene>;
  /** Empty when the dataset has no `attribute.json` (annotations then carry no attribute names). */
  attribute: Map<string, NuAttribute>;
}

/** The table names Cuboid needs (each a `NAME.json` file). */
export const REQUIRED_TABLES = ['sample', 'sample_data', 'ego_pose', 'calibrated_sensor', 'sample_annotation', 'instance', 'category'] as const;
/** Tables read when present. */
export const OPTIONAL_TABLES = ['scene', 'attribute'] as const;
export type NuTableName = (typeof REQUIRED_TABLES)[number] | (typeof OPTIONAL_TABLES)[number];
