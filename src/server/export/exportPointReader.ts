import type { PointCloud } from '../../domain/types.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { readFramePoints } from '../dataset/readFramePoints.ts';
import { preparePoints, type PreparedPoints } from './preparePoints.ts';

export type { PreparedPoints };

/**
 * Where an export reads and converts a frame's point file: parsing a cloud and rewriting it as a
 * KITTI `.bin` is tens of milliseconds of CPU a frame, which a server must not spend on its event
 * loop (`poolPointReader`). Both methods throw an `Error` whose message names the file.
 */
export interface ExportPointReader {
  /** The frame's points as a KITTI tree writes them (`preparePoints`). */
  prepare(frame: DatasetFrame, bin: boolean, keepIntensity: boolean): Promise<PreparedPoints>;
  /** The frame's cloud, parsed (`readFramePoints`), for a format that writes points of its own. */
  cloud(frame: DatasetFrame): Promise<PointCloud>;
}

/** Reads and converts in this thread: the command line, and tests. */
export const IN_THREAD_POINTS: ExportPointReader = {
  prepare: preparePoints,
  cloud: (frame) => readFramePoints(frame),
};
