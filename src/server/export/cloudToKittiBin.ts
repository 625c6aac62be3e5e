import type { AttributeArray, PointCloud } from '../../domain/types.ts';

/** Attribute names read as KITTI reflectance, in order of preference (CloudCompare writes `scalar_Intensity`). */
const INTENSITY_NAMES = ['intensity', 'reflectance', 'i', 'remission', 'scalar_intensity', 'scalar_Intensity'];

/**
 * A cloud as a KITTI velodyne `.bin`: float32 little-endian x y z reflectance per point (the
 * cloud's frame, metres), the layout OpenPCDet and mmdet3d read. The reflectance is the first of
 * `intensity`, `reflectance`, `i`, `remission`, `scalar_intensity` the cloud has, as stored (not
 * rescaled to KITTI's 0..1), or 0 when it has none. Points with a non-finite coordinate are dropped.
 */
export function cloudToKittiBin(cloud: PointCloud): { bin: Uint8Array; points: number; dropped: number } {
  const intensity = findIntensity(cloud.attributes, cloud.count);
  const out = new Float32Array(cloud.count * 4);
  const pos = cloud.positions;
  let n = 0;
  for (let i = 0; i < cloud.count; i++) {
    const x = pos[i * 3];
    const y = pos[i * 3 + 1];
    const z = pos[i * 3 + 2];
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) continue;
    out[n * 4] = x;
    out[n * 4 + 1] = y;
    out[n * 4 + 2] = z;
    out[n * 4 + 3] = intensity === null ? 0 : Number(intensity[i]);
    n++;
  }
  const bin = new Uint8Array(out.buffer, 0, n * 16);
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
    const dv = new DataView(bin.buffer, 0, n * 16);
    for (let k = 0; k < n * 4; k++) dv.setFloat32(k * 4, out[k], true);
  }
  return { bin, points: n, dropped: cloud.count - n };
}

function findIntensity(attributes: Record<string, AttributeArray>, count: number): AttributeArray | null {
  for (const name of INTENSITY_NAMES) {
    const a = attributes[name];
    if (a !== undefined && a.length === count) return a;
  }
  return null;
}
