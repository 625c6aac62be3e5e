import type { DatasetSource } from './DatasetSource.ts';
import { isKittiTrackingLayout, scanKittiTracking } from './layouts/scanKittiTracking.ts';
import { isNuscenesLayout, scanNuscenes } from './layouts/scanNuscenes.ts';
import type { SequenceScan, SequenceScanOptions } from './layouts/SequenceScan.ts';

/** The kinds of file a scan lists per frame. */
export type FileKind = 'points' | 'calib' | 'image' | 'label';

/** The layouts the scan knows (add a name here with a new layout). */
export type DatasetLayout = 'kitti' | 'flat' | 'kitti-tracking' | 'nuscenes';

/**
 * A dataset layout the scan recognises: where each kind of file of a frame lives. Frame ids are
 * the file stems of the points folder; a calib, image or label file belongs to the frame of the
 * same stem.
 *
 * Adding a layout (KITTI tracking, nuScenes, a flat folder of PLY/LAS files, ...):
 * 1. write a `DatasetLayoutSpec` whose `matches` probes the source (`source.isFolder('x')`,
 *    `source.read(source.ref('x.json'))`: never `fs`, so it works for a bucket too), put it in
 *    `DATASET_LAYOUTS` before the layouts it must win over (`flat` matches anything, so it stays
 *    last), and add its name to `DatasetLayout`;
 * 2. a layout whose frames are not one file per stem in one folder per kind (tracking's
 *    `velodyne/SEQ/FRAME.bin`, nuScenes' sample tables) needs more than `folders`: give the spec
 *    a listing of its own that returns the same `FoundFile` maps `Dataset.build` turns into frames
 *    (refs from `source.listFolder`/`source.ref`, so they stay opaque and confined);
 * 3. new point formats also need an extension in `EXTENSIONS.points` of `Dataset.ts` and a reader
 *    in `readFramePoints.ts` (server) and the point-cloud worker (browser);
 * 4. test it against both sources (`tests/unit/server/dataset/datasetSources.test.ts` shows how
 *    a folder is copied into the s3rver test bucket).
 */
export interface DatasetLayoutSpec {
  name: DatasetLayout;
  /** True when the dataset is in this layout. Layouts are tried in order; the first match wins. */
  matches(source: DatasetSource): Promise<boolean>;
  /** The folder of each kind of file, relative to the dataset ('' = its root). */
  folders: Record<FileKind, string>;
  /** The error when the points folder holds no point file. */
  emptyMessage(source: DatasetSource): string;
  /**
   * A sequence layout's own scan (frames in sequence order with their sequence, ego pose and
   * shipped labels; see `layouts/SequenceScan.ts`). When given, `folders` is not used.
   */
  scanSequence?(source: DatasetSource, opts?: SequenceScanOptions): Promise<SequenceScan>;
}

const SIDE_FOLDERS = { calib: 'calib', image: 'image_2', label: 'label_2' };

/** KITTI object detection: `velodyne/`, `calib/`, `image_2/`, `label_2/`. */
export const KITTI_LAYOUT: DatasetLayoutSpec = {
  name: 'kitti',
  matches: (source) => source.isFolder('velodyne'),
  folders: { points: 'velodyne', ...SIDE_FOLDERS },
  emptyMessage: (source) => `Dataset: ${source.ref('velodyne')} holds no .bin or .pcd files`,
};

/** Point files at the root, with KITTI's optional side folders. Matches any dataset: keep it last. */
export const FLAT_LAYOUT: DatasetLayoutSpec = {
  name: 'flat',
  matches: async () => true,
  folders: { points: '', ...SIDE_FOLDERS },
  emptyMessage: (source) =>
    `Dataset: ${source.spec.root} holds no point files (.pcd, .ply, .las, .laz, .bin) and no velodyne/ folder (expected a KITTI object or tracking layout, a nuScenes layout, or a flat folder of point files)`,
};

/** The layouts `Dataset.scan` tries, in order. */
/** KITTI tracking: `velodyne/SEQ/NNNNNN.bin`, `label_02/SEQ.txt`, `calib/SEQ.txt`, `oxts/SEQ.txt` (see `scanKittiTracking`). */
export const KITTI_TRACKING_LAYOUT: DatasetLayoutSpec = {
  name: 'kitti-tracking',
  matches: isKittiTrackingLayout,
  folders: { points: 'velodyne', ...SIDE_FOLDERS },
  emptyMessage: (source) => `Dataset: ${source.spec.root} is a KITTI tracking layout (label_02/ or oxts/) but velodyne/SEQ/ holds no .bin files`,
  scanSequence: scanKittiTracking,
};

/** nuScenes: `samples/LIDAR_TOP/*.pcd.bin` and the v1.0 JSON tables (see `scanNuscenes`). */
export const NUSCENES_LAYOUT: DatasetLayoutSpec = {
  name: 'nuscenes',
  matches: isNuscenesLayout,
  folders: { points: 'samples/LIDAR_TOP', ...SIDE_FOLDERS },
  emptyMessage: (source) => `Dataset: ${source.spec.root}: samples/LIDAR_TOP/ holds no .pcd.bin files`,
  scanSequence: scanNuscenes,
};

export const DATASET_LAYOUTS: readonly DatasetLayoutSpec[] = [KITTI_TRACKING_LAYOUT, NUSCENES_LAYOUT, KITTI_LAYOUT, FLAT_LAYOUT];
