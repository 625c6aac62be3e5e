import { parseOtherPointFile } from '../dataset/parseOtherPointFile.ts';
import { cloudToKittiBin, type KittiBin } from './cloudToKittiBin.ts';

/**
 * Converts a PLY, LAS or LAZ file to a KITTI velodyne `.bin` (`cloudToKittiBin`), as
 * `pcdToKittiBin` does for PCD (LAS intensity 0–65535 rescaled to 0..1 unless `keepIntensity`).
 * @throws PointFileError for a file the reader refuses
 */
export async function pointFileToKittiBin(bytes: Uint8Array, format: 'ply' | 'las' | 'laz', fileName: string, keepIntensity = false): Promise<KittiBin> {
  return cloudToKittiBin(await parseOtherPointFile(bytes, format, fileName), keepIntensity);
}
