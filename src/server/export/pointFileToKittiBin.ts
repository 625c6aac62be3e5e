import { parseOtherPointFile } from '../dataset/parseOtherPointFile.ts';
import { cloudToKittiBin } from './cloudToKittiBin.ts';

/**
 * Converts a PLY, LAS or LAZ file to a KITTI velodyne `.bin` (`cloudToKittiBin`), as
 * `pcdToKittiBin` does for PCD. LAS intensity stays 0–65535 (not rescaled).
 * @throws PointFileError for a file the reader refuses
 */
export async function pointFileToKittiBin(
  bytes: Uint8Array,
  format: 'ply' | 'las' | 'laz',
  fileName: string,
): Promise<{ bin: Uint8Array; points: number; dropped: number }> {
  return cloudToKittiBin(await parseOtherPointFile(bytes, format, fileName));
}
