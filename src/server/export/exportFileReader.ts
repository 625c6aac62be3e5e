import type { PointCloud } from '../../domain/types.ts';
import type { DatasetFrame } from '../dataset/Dataset.ts';
import { readFramePoints } from '../dataset/readFramePoints.ts';
import { readFrameFile } from '../dataset/frameFiles.ts';
import { jpegToPng } from './jpegToPng.ts';
import { preparePoints, type PreparedPoints } from './preparePoints.ts';

export type { PreparedPoints };

/**
 * Where an export reads and converts a frame's point file and camera image: parsing a cloud and
 * rewriting it as a KITTI `.bin`, or a JPEG as a PNG, is tens to hundreds of milliseconds of CPU
 * a frame, which a server must not spend on its event loop (`poolFileReader`). Every method
 * throws an `Error` whose message names the file.
 */
export interface ExportFileReader {
  /** The frame's points as a KITTI tree writes them (`preparePoints`). */
  prepare(frame: DatasetFrame, bin: boolean, keepIntensity: boolean): Promise<PreparedPoints>;
  /** The frame's cloud, parsed (`readFramePoints`), for a format that writes points of its own. */
  cloud(frame: DatasetFrame): Promise<PointCloud>;
  /** The frame's JPEG image `file` (one of its own refs) as PNG bytes (`jpegToPng`). */
  png(frame: DatasetFrame, file: string): Promise<Uint8Array>;
}

/** Reads and converts in this thread: the command line, and tests. */
export const IN_THREAD_FILES: ExportFileReader = {
  prepare: preparePoints,
  cloud: (frame) => readFramePoints(frame),
  png: async (frame, file) => jpegToPng(new Uint8Array(await readFrameFile(frame, file))),
};
