import type { PointCloud } from '../domain/types.ts';

/**
 * Encodes a cloud as a KITTI velodyne `.bin`: per point float32 little-endian x, y, z,
 * reflectance (LiDAR frame, metres; reflectance from the `intensity` attribute, 0 when absent).
 */
export function encodeVelodyneBin(cloud: PointCloud): Uint8Array {
  const out = new Uint8Array(cloud.count * 16);
  const view = new DataView(out.buffer);
  const intensity = cloud.attributes.intensity;
  for (let i = 0; i < cloud.count; i++) {
    view.setFloat32(i * 16, cloud.positions[i * 3], true);
    view.setFloat32(i * 16 + 4, cloud.positions[i * 3 + 1], true);
    view.setFloat32(i * 16 + 8, cloud.positions[i * 3 + 2], true);
    view.setFloat32(i * 16 + 12, intensity === undefined ? 0 : Number(intensity[i]), true);
  }
  return out;
}
