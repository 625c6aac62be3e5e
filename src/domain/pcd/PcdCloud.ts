import type { PointCloud } from '../types.ts';
import type { PcdHeader } from './PcdHeader.ts';

/**
 * A decoded PCD file. `positions` are x y z in the file's own frame (LiDAR frame for scans),
 * metres, in file order; NaN points stay in place so indices match the file (FORMATS.md §1.10).
 * `attributes` holds every other non-`_` field under its name, with COUNT k stored as
 * `count * k` consecutive elements; `rgb`/`rgba` are always Uint32Array bit patterns.
 */
export interface PcdCloud extends PointCloud {
  header: PcdHeader;
  /** Columns (organized) or point count (unorganized). */
  width: number;
  /** Rows; 1 when unorganized. Point i is row floor(i / width), column i mod width. */
  height: number;
  /** Sensor pose tx ty tz qw qx qy qz; not applied to the points. */
  viewpoint: number[];
  /** True when every point has finite x, y and z (`nanCount === 0`). */
  isDense: boolean;
  /** Points whose x, y or z is NaN or infinite. */
  nanCount: number;
}
