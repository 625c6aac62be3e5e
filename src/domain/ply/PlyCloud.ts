import type { PointCloud } from '../types.ts';
import type { PlyHeader } from './PlyHeader.ts';

/**
 * A decoded PLY file: the `vertex` element as a point cloud. `positions` are its x y z (any
 * numeric type, as float32) in the file's frame (metres for LiDAR scans), in file order, NaN
 * points kept in place. Every other scalar vertex property is an attribute under its own name in
 * its own type (`uchar` → Uint8Array, `float` → Float32Array, ...); `red`/`green`/`blue` are
 * also packed into `rgb` (Uint32 0xRRGGBB) for colouring. Other elements (faces, edges, camera)
 * are skipped.
 */
export interface PlyCloud extends PointCloud {
  header: PlyHeader;
  /** Points whose x, y or z is NaN or infinite. */
  nanCount: number;
  /** The header's warnings, plus what the reader noticed (a missing axis, derived rgb). */
  warnings: string[];
}
