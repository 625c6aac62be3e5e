import { tryReadPcdHeader } from '../../domain/pcd/readPcdHeader.ts';
import type { DatasetFrame } from './Dataset.ts';
import { readPrefix } from './frameFileInfo.ts';

/** Bytes per KITTI velodyne record: float32 x, y, z, reflectance. */
const BIN_RECORD_BYTES = 16;
/** The most header bytes read to find a PCD's POINTS line. */
const MAX_PCD_HEADER_BYTES = 64 * 1024;

/**
 * The point count of a frame, known cheaply: `POINTS` from the PCD header (reading at most 64 KiB),
 * or the `.bin` size / 16. Null when the header cannot be read or the size is not a whole number of
 * records: the browser's parser then reports the problem.
 */
export async function readPointCount(frame: DatasetFrame): Promise<number | null> {
  if (frame.points.format === 'bin') {
    return frame.points.bytes % BIN_RECORD_BYTES === 0 ? frame.points.bytes / BIN_RECORD_BYTES : null;
  }
  try {
    for (let length = 4096; ; length *= 4) {
      const prefix = await readPrefix(frame.points.path, Math.min(length, MAX_PCD_HEADER_BYTES));
      const header = tryReadPcdHeader(prefix);
      if (header !== null) return header.points;
      if (prefix.length < length || length >= MAX_PCD_HEADER_BYTES) return null;
    }
  } catch {
    return null;
  }
}
