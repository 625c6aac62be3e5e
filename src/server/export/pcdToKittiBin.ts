import { parsePcd } from '../../domain/pcd/parsePcd.ts';
import { cloudToKittiBin, type KittiBin } from './cloudToKittiBin.ts';

/**
 * Converts PCD bytes to a KITTI velodyne `.bin` (`cloudToKittiBin`: float32 little-endian x y z
 * reflectance per point, LiDAR frame, metres; non-finite points dropped; intensity rescaled to
 * 0..1 unless `keepIntensity`).
 *
 * @throws PcdError for a file `parsePcd` cannot read.
 */
export function pcdToKittiBin(bytes: Uint8Array, fileName?: string, keepIntensity = false): KittiBin {
  return cloudToKittiBin(parsePcd(bytes, fileName === undefined ? {} : { fileName }), keepIntensity);
}
