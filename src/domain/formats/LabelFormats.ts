/**
 * The label formats `cuboid export` writes and `cuboid import` reads, with the version of each
 * format's convention that the files follow (written into the export manifest). Shared by the
 * CLI, the export route and the app's export dialog.
 */
export const EXPORT_FORMATS = ['kitti', 'kitti-tracking', 'nuscenes', 'openlabel', 'openpcdet', 'mmdet3d'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats `cuboid import --format` reads (`mmdet3d` reads the same `labels/*.txt` as `openpcdet`). */
export const IMPORT_FORMATS = ['kitti', 'kitti-tracking', 'openlabel', 'openpcdet', 'mmdet3d', 'nuscenes'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What each format's files follow, as named by its owners. */
export const FORMAT_VERSIONS: Record<ExportFormat, string> = {
  kitti: 'KITTI 3D object devkit label_2 / calib',
  'kitti-tracking': 'KITTI tracking devkit label_02 (17 columns, 18 with score) / calib',
  nuscenes: 'nuScenes v1.0 JSON tables (nuscenes-devkit schema)',
  openlabel: 'ASAM OpenLABEL 1.0.0',
  openpcdet: 'OpenPCDet custom dataset (points/*.npy, labels/*.txt, ImageSets)',
  mmdet3d: 'mmdetection3d 1.x custom dataset (points/*.bin, labels/*.txt, ImageSets) with mmengine info files (info_version 1.1, JSON)',
};

/** A short description of each format for the export dialog. */
export const FORMAT_TITLES: Record<ExportFormat, string> = {
  kitti: 'KITTI object (label_2)',
  'kitti-tracking': 'KITTI tracking (label_02 with track ids)',
  nuscenes: 'nuScenes tables (sample_annotation, instance)',
  openlabel: 'ASAM OpenLABEL 1.0 JSON',
  openpcdet: 'OpenPCDet custom (points .npy, labels .txt)',
  mmdet3d: 'mmdetection3d custom (points .bin, labels .txt, info JSON)',
};

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

export function isImportFormat(s: string): s is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(s);
}
