import type { KittiObject } from '../../../domain/kitti/KittiObject.ts';
import type { Pose } from '../../../domain/poses/Pose.ts';
import type { Cuboid } from '../../../domain/types.ts';
import type { BinLayoutName } from '../../../domain/pointcloud/binLayouts.ts';
import type { DatasetCamera } from '../DatasetCamera.ts';

/**
 * Labels a sequence dataset ships for one frame, already in the app's terms (LiDAR-frame boxes
 * with track ids): KITTI tracking `label_02/SEQ.txt` rows of the frame, or a nuScenes sample's
 * annotations. Imported as the frame's first revision on first open, like a `label_2` file.
 */
export interface ShippedLabels {
  cuboids: Cuboid[];
  dontCare: KittiObject[];
  /** The file they came from, relative to the dataset (`label_02/0003.txt`, `v1.0-mini/sample_annotation.json`). */
  file: string;
  /**
   * Why that file does not read (file, line, field): then there are no boxes, and opening,
   * checking or exporting the frame says so instead of showing it unlabelled.
   */
  problem?: string;
}

/** One frame a sequence layout found. Refs come from the source's listings (opaque; read through the source). */
export interface SequenceFrameFiles {
  /** Frame id (a valid frame id: see `isValidFrameId`). */
  id: string;
  points: { ref: string; name: string; bytes: number };
  /** The `.bin` layout the dataset's format fixes (`xyzi` for KITTI, `xyzir` for nuScenes `.pcd.bin`). */
  binLayout: BinLayoutName;
  calibRef: string | null;
  image: { ref: string; name: string } | null;
  /** The sequence the frame belongs to (KITTI tracking `0003`; nuScenes the scene name). */
  sequence: string;
  /** LiDAR → world of the sequence (see `domain/poses/Pose`), or null when the dataset has none for the frame. */
  pose: Pose | null;
  shipped: ShippedLabels | null;
  /** The frame's camera images with their projections (nuScenes: the sample's `CAM_*` keyframes). */
  cameras?: DatasetCamera[];
}

/** What a sequence layout's scan found: frames in sequence order, and what it left out and why. */
export interface SequenceScan {
  frames: SequenceFrameFiles[];
  warnings: string[];
}

/** How a sequence layout's scan may run its heavy work. */
export interface SequenceScanOptions {
  /**
   * Runs a nuScenes table task (parse, references, boxes; `nuscenesTableTask.ts`) off this
   * thread, e.g. `CheckPool.runDatasetTask`; default: in this thread.
   */
  runTask?: (task: import('./nuscenesTableTask.ts').NuscenesTableTask) => Promise<import('./nuscenesTableTask.ts').NuscenesTableAnswer>;
}
