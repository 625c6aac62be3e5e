import type { PointCloud } from '../../../domain/types.ts';

/**
 * The finite points of a cloud as float32 records of `cols` values: x y z intensity (cols 4, KITTI
 * `.bin` / OpenPCDet `.npy`), plus the ring (cols 5, nuScenes `.pcd.bin`: from a `ring` or
 * `laser_id` field, else 0). Intensity is kept as stored (0 when the cloud has none). Points with
 * a non-finite coordinate are dropped; the rest keep file order.
 */
export function pointRecords(cloud: PointCloud, cols: 4 | 5): { values: Float32Array; points: number; dropped: number } {
  const pos = cloud.positions;
  const intensity = cloud.attributes.intensity ?? cloud.attributes.reflectance ?? cloud.attributes.i;
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
    values[k + 3] = intensity === undefined ? 0 : Number(intensity[i]);
    if (cols === 5) values[k + 4] = ring === undefined ? 0 : Number(ring[i]);
    k += cols;
  }
  return { values, points: kept, dropped: cloud.count - kept };
}

/** Float32 records as little-endian bytes (a copy on a big-endian host). */
export function littleEndianBytes(values: Float32Array): Uint8Array {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.byteLength);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) dv.setFloat32(i * 4, values[i], true);
  return out;
}
