import type { FrameAnnotation } from '../../../domain/document/FrameAnnotation.ts';
import type { KittiCalib } from '../../../domain/kitti/KittiCalib.ts';
import type { Pose } from '../../../domain/poses/Pose.ts';
import type { PointCloud } from '../../../domain/types.ts';
import type { DatasetFrame } from '../../dataset/Dataset.ts';
import type { ExportSink } from '../ExportSink.ts';

/** A frame read and checked, ready for a format to write. */
export interface PreparedFormatFrame {
  frame: DatasetFrame;
  doc: FrameAnnotation;
  /** The parsed points, when the format writes or counts them. */
  cloud: PointCloud | null;
  /** The frame's calib (null: none, the no-camera convention), when the format needs it. */
  calib: KittiCalib | null;
  /** Image 2 size in pixels (for KITTI 2D boxes). */
  imageSize: [number, number];
  /** The frame's image file (checked readable; copy it through the frame's source), or null. */
  imageSource: string | null;
  sequence: string;
  /** LiDAR → world, or null. */
  pose: Pose | null;
  /** Capture time, seconds, or null. */
  timestamp: number | null;
  /** The point file relative to the dataset folder (forward slashes). */
  uri: string;
}

/** What the whole export knows when a format writes its dataset-wide files. */
export interface FormatFinish {
  /** Dataset folder name. */
  dataset: string;
  /** Exported frame ids, in export order. */
  ids: string[];
  train: string[];
  val: string[];
  /** Every class of the exported boxes, sorted. */
  classes: string[];
}

/** One format's writer: files per frame as they come, then the dataset-wide files. */
export interface FormatWriter {
  /** Whether the frames' points must be read (written, or counted in boxes). */
  readonly needsPoints: boolean;
  /** Whether the frames' calibs must be read. */
  readonly needsCalib: boolean;
  /**
   * The class names the format is read with: `kitti` (nuScenes categories become KITTI classes,
   * `KittiClassMapper`), `nuscenes` (KITTI classes become nuScenes categories) or `as-is`.
   */
  readonly classNames: 'kitti' | 'nuscenes' | 'as-is';
  /** The top-level names the format writes in the export folder (besides the manifest). */
  readonly entries: readonly string[];
  writeFrame(f: PreparedFormatFrame, sink: ExportSink): Promise<void>;
  /**
   * Writes the dataset-wide files and returns what the manifest should say: the conversions made
   * (one sentence each) and format-specific records.
   */
  finish(ctx: FormatFinish, sink: ExportSink): Promise<{ conversions: string[]; records: Record<string, unknown> }>;
}
