import { tryReadPcdHeader } from '../../domain/pcd/readPcdHeader.ts';
import { readLasHeader } from '../../domain/las/readLasHeader.ts';
import { readPlyHeader } from '../../domain/ply/readPlyHeader.ts';
import { BIN_LAYOUTS } from '../../domain/pointcloud/binLayouts.ts';
import type { DatasetFrame } from './Dataset.ts';
import { readFramePrefix } from './frameFiles.ts';

/** The most header bytes read to find a PCD's POINTS line. */
const MAX_PCD_HEADER_BYTES = 64 * 1024;

/**
 * The point count of a frame, known cheaply: `POINTS` from the PCD header, the vertex count of a
 * PLY header, the point count of a LAS/LAZ header (reading at most 64 KiB),
 * or the `.bin` size / the record size of its layout (16 for KITTI `xyzi`, 20 for `xyzir`). Null when the header cannot be read or the size is not a whole number of
 * records: the browser's parser then reports the problem.
 */
export async function readPointCount(frame: DatasetFrame): Promise<number | null> {
  if (frame.points.format === 'bin') {
    const record = BIN_LAYOUTS[frame.points.binLayout?.name ?? 'xyzi'].bytes;
    return frame.points.bytes % record === 0 ? frame.points.bytes / record : null;
  }
  try {
    if (frame.points.format === 'las' || frame.points.format === 'laz') {
      // The public header block and its VLRs come first (the VLRs are rarely over a few KiB).
      return readLasHeader(await readFramePrefix(frame, frame.points.path, MAX_PCD_HEADER_BYTES), 'readPointCount').pointCount;
    }
    for (let length = 4096; ; length *= 4) {
      if (frame.points.format === 'ply') {
        const prefix = await readFramePrefix(frame, frame.points.path, Math.min(length, MAX_PCD_HEADER_BYTES));
        const header = readPlyHeader(prefix, 'readPointCount', undefined, prefix.length < length);
        if (header !== null) return header.elements.find((e) => e.name === 'vertex')?.count ?? null;
        if (length >= MAX_PCD_HEADER_BYTES) return null;
        continue;
      }
      const prefix = await readFramePrefix(frame, frame.points.path, Math.min(length, MAX_PCD_HEADER_BYTES));
      const header = tryReadPcdHeader(prefix);
      if (header !== null) return header.points;
      if (prefix.length < length || length >= MAX_PCD_HEADER_BYTES) return null;
    }
  } catch {
    return null;
  }
}
