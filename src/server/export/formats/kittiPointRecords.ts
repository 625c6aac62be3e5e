import type { AttributeArray, PointCloud } from '../../../domain/types.ts';
import { intensityFactor, intensityFullScale } from '../../../domain/pointcloud/intensityScale.ts';

/** Attribute names read as the intensity, in order of preference (CloudCompare writes `scalar_Intensity`). */
const INTENSITY_NAMES = ['intensity', 'reflectance', 'i', 'remission', 'scalar_intensity', 'scalar_Intensity'];

/**
 * Point records, the full scale the intensity was rescaled from (`intensityFullScale`; null when
 * kept or absent) and the full scale it was stored on (null when absent).
 */
export interface PointRecords {
  values: Float32Array;
  points: number;
  dropped: number;
  intensityFrom: number | null;
  intensityScale: number | null;
}

/**
 * The finite points of a cloud as float32 records of `cols` values: x y z intensity (cols 4, KITTI
 * `.bin` / OpenPCDet `.npy`), plus the ring (cols 5, nuScenes `.pcd.bin`: from a `ring` or
 * `laser_id` field, else 0). The intensity is the first of `intensity`, `reflectance`, `i`,
 * `remission`, `scalar_intensity` the cloud has (0 when none), rescaled from its full scale to
 * `intensityTo` (KITTI's reflectance 1, nuScenes' 255), or as stored when that is null. Points
 * with a non-finite coordinate are dropped; the rest keep file order.
 */
export function pointRecords(cloud: PointCloud, cols: 4 | 5, intensityTo: number | null): PointRecords {
  const pos = cloud.positions;
  const intensity = findIntensity(cloud.attributes, cloud.count);
  const scale = intensityFullScale(intensity);
  const factor = intensityFactor(intensityTo === null ? null : scale, intensityTo);
  const ring = cols === 5 ? (cloud.attributes.ring ?? cloud.attributes.laser_id) : undefined;
  let kept = 0;
  for (let i = 0; i < cloud.count; i++) {
    if (Number.isFinite(pos[i * 3]) && Number.isFinite(pos[i * 3 + 1]) && Number.isFinite(pos[i * 3 + 2])) kept++;
  }
  const values = new Float32Array(kept * cols);
  let k = 0;
  for (let i = 0; i < cloud.count; i++) {
    const x = pos[i * 3];
    const y = pos[i * 3 + 1];
    const z = pos[i * 3 + 2];
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z))) continue;
    values[k] = x;
    values[k + 1] = y;
    values[k + 2] = z;
    values[k + 3] = intensity === undefined ? 0 : Number(intensity[i]) * factor;
    if (cols === 5) values[k + 4] = ring === undefined ? 0 : Number(ring[i]);
    k += cols;
  }
  return { values, points: kept, dropped: cloud.count - kept, intensityFrom: factor === 1 ? null : scale, intensityScale: scale };
}

function findIntensity(attributes: Record<string, AttributeArray>, count: number): AttributeArray | undefined {
  for (const name of INTENSITY_NAMES) {
    const a = attributes[name];
    if (a !== undefined && a.length === count) return a;
  }
  return undefined;
}

/** Float32 records as little-endian bytes (a copy on a big-endian host). */
export function littleEndianBytes(values: Float32Array): Uint8Array {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.byteLength);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) dv.setFloat32(i * 4, values[i], true);
  return out;
}
