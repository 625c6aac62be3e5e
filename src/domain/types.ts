/**
 * Core data types shared by every layer. Pure data: no classes, no three.js.
 *
 * Frames: unless a name says otherwise, points and boxes are in the LiDAR frame
 * (x forward, y left, z up; metres; yaw in radians about +z, counter-clockwise from +x).
 */

/** A 3-vector as a plain tuple. */
export type Vec3 = readonly [number, number, number];

/** Any typed array a point attribute may be stored in. */
export type AttributeArray =
  Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | BigInt64Array | BigUint64Array;

/**
 * A point cloud as structure-of-arrays.
 * `positions` holds x y z interleaved (length `count * 3`), LiDAR frame, metres; invalid
 * returns stay in place as NaN so that point indices match the file order.
 * `attributes` keeps every other field of the source (intensity, ring, time, rgb as uint32, ...);
 * a field with COUNT k is stored as `count * k` consecutive elements.
 */
export interface PointCloud {
  count: number;
  positions: Float32Array;
  attributes: Record<string, AttributeArray>;
}

/** The KITTI object classes, in the order of the default palette. */
export const KITTI_CLASSES = ['Car', 'Van', 'Truck', 'Pedestrian', 'Person_sitting', 'Cyclist', 'Tram', 'Misc', 'DontCare'] as const;

export type CuboidSource = 'manual' | 'fit' | 'import';

export interface CuboidAttributes {
  /** KITTI truncated, 0..1 */
  truncated: number;
  /** KITTI occluded: 0 visible, 1 partly, 2 largely, 3 unknown */
  occluded: number;
  [key: string]: number | string | boolean;
}

/**
 * An oriented 3D box in the LiDAR frame.
 * `center` is the geometric centre (metres), `size` is [length along heading, width, height],
 * `yaw` is radians about +z from +x.
 */
export interface Cuboid {
  id: string;
  trackId: string | null;
  label: string;
  center: Vec3;
  size: Vec3;
  yaw: number;
  attributes: CuboidAttributes;
  source: CuboidSource;
  /** Detection confidence for imported pre-labels (KITTI column 16). */
  score?: number;
  /**
   * The 2D fields of an imported KITTI line (alpha and the annotated image box), kept so that an
   * unchanged imported box writes back its original text. Any geometric edit drops it.
   */
  kitti2d?: { alpha: number; bbox: [number, number, number, number] };
}
