import { readVelodyneBin } from '../../domain/kitti/readVelodyneBin.ts';
import type { BinLayoutName } from '../../domain/pointcloud/binLayouts.ts';
import { cloudToKittiBin, type KittiBin } from './cloudToKittiBin.ts';

/**
 * Rewrites a raw `.bin` as KITTI velodyne `xyzi` (float32 little-endian x y z intensity, LiDAR
 * frame, metres), the only layout OpenPCDet's and mmdet3d's KITTI readers take: a file of another
 * layout (nuScenes `xyzir`, ...), or an `xyzi` one with points of a non-finite coordinate.
 * Intensity is rescaled to 0..1 from its full scale unless `keepIntensity` (0 for `xyz`); ring and time are dropped; points with a non-finite
 * coordinate are dropped and counted (`dropped`), the others keep file order.
 * @throws KittiError naming the file when its size is not a whole number of records
 */
export function binToKittiBin(bytes: Uint8Array, layout: BinLayoutName, fileName?: string, keepIntensity = false): KittiBin {
  return cloudToKittiBin(readVelodyneBin(bytes, { layout, ...(fileName !== undefined ? { fileName } : {}) }), keepIntensity);
}
