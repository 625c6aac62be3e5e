import type { PointCloud } from '../types.ts';
import { BIN_LAYOUTS, describeBinLayout, type BinLayoutName } from '../pointcloud/binLayouts.ts';
import { decodeBinRecords, HOST_IS_LITTLE_ENDIAN, littleEndianFloats, type BinCloud } from '../pointcloud/decodeBinRecords.ts';
import { kittiError } from './KittiError.ts';

export type { BinCloud };

/** A velodyne scan: a `PointCloud` whose only attribute is `intensity` (the reflectance). */
export type VelodyneCloud = PointCloud & { attributes: { intensity: Float32Array } };

export interface ReadVelodyneBinOptions {
  /** Name of the file, for error messages only. */
  fileName?: string;
  /** The point layout (see `pointcloud/binLayouts.ts`); default `xyzi` (KITTI). */
  layout?: BinLayoutName;
}

/**
 * Reads a raw float32 little-endian `.bin` point file: KITTI `velodyne/NNNNNN.bin` (`xyzi`, the
 * default: x y z reflectance) or another layout (`xyzir` for nuScenes `.pcd.bin`, ...).
 *
 * Output: `positions` (x y z interleaved, LiDAR frame, metres, length `count * 3`) and one
 * attribute per layout column: `intensity` (as stored: KITTI 0..1, most others 0..255),
 * `ring` (laser index, uint16), `time` (as stored). All fresh arrays; the input is not kept. An
 * empty input gives an empty cloud.
 *
 * A 4-byte-aligned input is read through one Float32Array view; an unaligned Uint8Array view is
 * copied once first. Never a per-point DataView call on little-endian hosts.
 *
 * @throws KittiError when the byte length is not a multiple of the record size (names the size,
 *   the layout and the offset of the trailing partial record).
 */
export function readVelodyneBin(bytes: ArrayBuffer | Uint8Array, opts?: ReadVelodyneBinOptions & { layout?: 'xyzi' }): VelodyneCloud;
export function readVelodyneBin(bytes: ArrayBuffer | Uint8Array, opts: ReadVelodyneBinOptions): BinCloud;
export function readVelodyneBin(bytes: ArrayBuffer | Uint8Array, opts: ReadVelodyneBinOptions = {}): BinCloud {
  let view: Uint8Array;
  if (bytes instanceof Uint8Array) view = bytes;
  else if (bytes instanceof ArrayBuffer) view = new Uint8Array(bytes);
  else throw kittiError('readVelodyneBin', { fileName: opts.fileName }, 'expected an ArrayBuffer or a Uint8Array');
  const layout = BIN_LAYOUTS[opts.layout ?? 'xyzi'];
  const record = layout.bytes;
  const size = view.byteLength;
  if (size % record !== 0) {
    const trailing = size - (size % record);
    const what = layout.name === 'xyzi' ? 'x y z reflectance' : `${describeBinLayout(layout.name)}, layout ${layout.name}`;
    throw kittiError(
      'readVelodyneBin',
      { fileName: opts.fileName, byteOffset: trailing },
      `size ${size} bytes is not a multiple of ${record} (${what} as float32); ` + `${size % record} trailing bytes at byte offset ${trailing}`,
    );
  }
  const count = size / record;
  if (layout.name !== 'xyzi' || !HOST_IS_LITTLE_ENDIAN) {
    const { positions, attributes } = decodeBinRecords(littleEndianFloats(view), count, layout);
    return { count, positions, attributes };
  }
  // KITTI, the hot path: one pass over one Float32Array view.
  const positions = new Float32Array(count * 3);
  const intensity = new Float32Array(count);
  const aligned = view.byteOffset % 4 === 0 ? view : view.slice();
  const src = new Float32Array(aligned.buffer, aligned.byteOffset, count * 4);
  for (let i = 0, s = 0, d = 0; i < count; i++, s += 4, d += 3) {
    positions[d] = src[s];
    positions[d + 1] = src[s + 1];
    positions[d + 2] = src[s + 2];
    intensity[i] = src[s + 3];
  }
  return { count, positions, attributes: { intensity } };
}
