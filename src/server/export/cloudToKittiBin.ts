import type { PointCloud } from '../../domain/types.ts';
import { littleEndianBytes, pointRecords } from './formats/kittiPointRecords.ts';

/** A KITTI `.bin`'s bytes, its points, those dropped, the intensity full scale rescaled from (null: kept) and the one stored (null: none). */
export interface KittiBin {
  bin: Uint8Array;
  points: number;
  dropped: number;
  intensityFrom: number | null;
  intensityScale: number | null;
}

/**
 * A cloud as a KITTI velodyne `.bin`: float32 little-endian x y z reflectance per point (the
 * cloud's frame, metres), the layout OpenPCDet and mmdet3d read. The reflectance is the cloud's
 * intensity (`pointRecords`) rescaled to KITTI's 0..1 from its full scale (0..255, 0..65535), or
 * as stored with `keepIntensity`; 0 when it has none. Points with a non-finite coordinate are dropped.
 */
export function cloudToKittiBin(cloud: PointCloud, keepIntensity = false): KittiBin {
  const r = pointRecords(cloud, 4, keepIntensity ? null : 1);
  return { bin: littleEndianBytes(r.values), points: r.points, dropped: r.dropped, intensityFrom: r.intensityFrom, intensityScale: r.intensityScale };
}
