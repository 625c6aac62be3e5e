import type { PointCloud } from '../types.ts';
import { kittiError } from './KittiError.ts';

const RECORD_BYTES = 16;

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A velodyne scan: a `PointCloud` whose only attribute is `intensity` (the reflectance). */
export type VelodyneCloud = PointCloud & { attributes: { intensity: Float32Array } };

export interface ReadVelodyneBinOptions {
  /** Name of the file, for error messages only. */
  fileName?: string;
}

/**
 * Reads a KITTI `velodyne/NNNNNN.bin` scan: records of float32 little-endian `x y z reflectance`.
 *
 * Output: `positions` (x y z interleaved, LiDAR frame, metres, length `count * 3`) and
 * `attributes.intensity` (the reflectance, usually 0..1, length `count`). Both are fresh arrays; the
 * input is not kept. An empty input gives an empty cloud.
 *
 * A 4-byte-aligned input is read through one Float32Array view; an unaligned Uint8Array view is
 * copied once first. Never a per-point DataView call on little-endian hosts.
 *
 * @throws KittiError when the byte length is not a multiple of 16 (names the size and the offset of
 *   the trailing partial record).
 */
export function readVelodyneBin(
  bytes: ArrayBuffer | Uint8Array,
  opts: ReadVelodyneBinOptions = {},
): VelodyneCloud {
  let view: Uint8Array;
  if (bytes instanceof Uint8Array) view = bytes;
  else if (bytes instanceof ArrayBuffer) view = new Uint8Array(bytes);
  else throw kittiError('readVelodyneBin', { fileName: opts.fileName }, 'expected an ArrayBuffer or a Uint8Array');
  const size = view.byteLength;
  if (size % RECORD_BYTES !== 0) {
    const trailing = size - (size % RECORD_BYTES);
    throw kittiError(
      'readVelodyneBin',
      { fileName: opts.fileName, byteOffset: trailing },
      `size ${size} bytes is not a multiple of 16 (x y z reflectance as float32); ` +
        `${size % RECORD_BYTES} trailing bytes at byte offset ${trailing}`,
    );
  }
  const count = size / RECORD_BYTES;
  const positions = new Float32Array(count * 3);
  const intensity = new Float32Array(count);
  if (HOST_IS_LITTLE_ENDIAN) {
    const aligned = view.byteOffset % 4 === 0 ? view : view.slice();
    const src = new Float32Array(aligned.buffer, aligned.byteOffset, count * 4);
    for (let i = 0, s = 0, d = 0; i < count; i++, s += 4, d += 3) {
      positions[d] = src[s];
      positions[d + 1] = src[s + 1];
      positions[d + 2] = src[s + 2];
      intensity[i] = src[s + 3];
    }
  } else {
    const dv = new DataView(view.buffer, view.byteOffset, size);
    for (let i = 0, s = 0, d = 0; i < count; i++, s += RECORD_BYTES, d += 3) {
      positions[d] = dv.getFloat32(s, true);
      positions[d + 1] = dv.getFloat32(s + 4, true);
      positions[d + 2] = dv.getFloat32(s + 8, true);
      intensity[i] = dv.getFloat32(s + 12, true);
    }
  }
  return { count, positions, attributes: { intensity } };
}
