import type { FrameAnnotation } from '../../domain/document/FrameAnnotation.ts';
import type { Dataset, DatasetFrame } from '../dataset/Dataset.ts';

/**
 * What an export reads: the dataset, each frame's current document and its label text. The served
 * `AnnotationService` is one (it imports shipped labels on first use and can repair stale label
 * files); `ReadOnlyExportSource` is the other, for `cuboid export`, and writes nothing anywhere.
 */
export interface ExportSource {
  readonly dataset: Dataset;
  /** The frame's current document. @throws an error naming the file for a bad label or calib */
  getAnnotation(frame: DatasetFrame): Promise<FrameAnnotation>;
  /**
   * The document as a reviewer accepted it, when `current` is accepted but was changed since (null
   * when the current revision is the accepted one). `--status accepted` exports it.
   */
  acceptedDocument?(current: FrameAnnotation): Promise<FrameAnnotation | null>;
  /** The KITTI label text of `doc` with the frame's calib. @throws an error naming a bad calib */
  formatLabel(frame: DatasetFrame, doc: FrameAnnotation): Promise<string>;
  /** Rewrites label files left stale by a failed write (the served dataset only). */
  syncDirtyLabels?(): Promise<{ written: string[] }>;
}
