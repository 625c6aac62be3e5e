import { parsePcd } from '../../domain/pcd/parsePcd.ts';
import { cloudToKittiBin } from './cloudToKittiBin.ts';

/**
 * Converts PCD bytes to a KITTI velodyne `.bin` (`cloudToKittiBin`: float32 little-endian x y z
 * reflectance per point, LiDAR frame, metres; non-finite points dropped).
 *
 * @throws PcdError for a file `parsePcd` cannot read.
 */
export function pcdToKittiBin(bytes: Uint8Array, fileName?: string): { bin: Uint8Array; points: number; dropped: number } {
  return cloudToKittiBin(parsePcd(bytes, fileName === undefined ? {} : { fileName }));
}
