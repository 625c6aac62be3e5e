import { readVelodyneBin } from '../../domain/kitti/readVelodyneBin.ts';
import type { BinLayoutName } from '../../domain/pointcloud/binLayouts.ts';
import { HOST_IS_LITTLE_ENDIAN } from '../../domain/pointcloud/decodeBinRecords.ts';

/**
 * Rewrites a raw `.bin` of another layout (nuScenes `xyzir`, ...) as KITTI velodyne `xyzi`
 * (float32 little-endian x y z intensity, LiDAR frame, metres), the only layout OpenPCDet's and
 * mmdet3d's KITTI readers take. Intensity is kept as stored (0 for `xyz`); ring and time are
 * dropped. Every point is kept, in file order.
 * @throws KittiError naming the file when its size is not a whole number of records
 */
export function binToKittiBin(bytes: Uint8Array, layout: BinLayoutName, fileName?: string): { bin: Uint8Array; points: number } {
  const cloud = readVelodyneBin(bytes, { layout, ...(fileName !== undefined ? { fileName } : {}) });
  const out = new Float32Array(cloud.count * 4);
  const pos = cloud.positions;
  const intensity = cloud.attributes.intensity;
  for (let i = 0; i < cloud.count; i++) {
    out[i * 4] = pos[i * 3];
    out[i * 4 + 1] = pos[i * 3 + 1];
    out[i * 4 + 2] = pos[i * 3 + 2];
    out[i * 4 + 3] = intensity === undefined ? 0 : intensity[i];
  }
  const bin = new Uint8Array(out.buffer);
  if (!HOST_IS_LITTLE_ENDIAN) {
    const dv = new DataView(out.buffer);
    for (let k = 0; k < out.length; k++) dv.setFloat32(k * 4, out[k], true);
  }
  return { bin, points: cloud.count };
}
