import { readVelodyneBin } from '../../domain/kitti/readVelodyneBin.ts';
import { parsePcd } from '../../domain/pcd/parsePcd.ts';
import type { PointCloud } from '../../domain/types.ts';
import { frameFileName, readFrameFile } from './frameFiles.ts';
import { parseOtherPointFile } from './parseOtherPointFile.ts';
import type { DatasetFrame } from './Dataset.ts';

/**
 * Reads and parses a frame's point file: a `.pcd`, a `.ply`, a `.las`/`.laz`, or a raw `.bin`
 * with the frame's layout (`xyzi` KITTI unless declared, named `.pcd.bin` or detected
 * otherwise). Positions in the LiDAR frame, metres. `positionsOnly`: a PCD's attributes are left
 * out (see `ParsePcdOptions`); other formats are read whole.
 * @throws PcdError, PointFileError or KittiError naming the file for a malformed one; DatasetFileError naming it
 *   (relative to the dataset) when it is missing, unreadable or a link leading outside the dataset
 */
export async function readFramePoints(frame: DatasetFrame, opts: { positionsOnly?: boolean } = {}): Promise<PointCloud> {
  const bytes = new Uint8Array(await readFrameFile(frame, frame.points.path));
  const fileName = baseName(frameFileName(frame, frame.points.path));
  if (frame.points.format === 'pcd') return parsePcd(bytes, { fileName, positionsOnly: opts.positionsOnly });
  if (frame.points.format !== 'bin') return parseOtherPointFile(bytes, frame.points.format, fileName);
  return readVelodyneBin(bytes, { fileName, layout: frame.points.binLayout?.name ?? 'xyzi' });
}

function baseName(shown: string): string {
  return shown.slice(shown.lastIndexOf('/') + 1);
}
