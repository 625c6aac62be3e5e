import type { CuboidShape } from './CuboidShape.ts';
import { bevPolygon } from './cuboidCorners.ts';
import { clipConvexPolygon, polygonArea } from './polygon2d.ts';

/**
 * Area (square metres) of the overlap of two boxes' bird's-eye-view footprints (rotated
 * rectangles in the LiDAR x–y plane). 0 when either box has a non-positive length or width.
 */
export function bevIntersectionArea(a: CuboidShape, b: CuboidShape): number {
  if (!(a.size[0] > 0 && a.size[1] > 0 && b.size[0] > 0 && b.size[1] > 0)) return 0;
  const inter = polygonArea(clipConvexPolygon(bevPolygon(a), bevPolygon(b)));
  return Number.isFinite(inter) ? inter : 0;
}

/**
 * Bird's-eye-view intersection over union of two oriented boxes (LiDAR frame): overlap area of
 * the rotated footprints divided by the union area. In [0, 1]; 0 for disjoint or touching boxes
 * and for degenerate (zero or negative size) or non-finite boxes, never NaN.
 */
export function iouBev(a: CuboidShape, b: CuboidShape): number {
  const inter = bevIntersectionArea(a, b);
  if (inter <= 0) return 0;
  const union = a.size[0] * a.size[1] + b.size[0] * b.size[1] - inter;
  return clampUnit(inter / union);
}

/**
 * 3D intersection over union of two oriented boxes (LiDAR frame, yaw about z only): the
 * bird's-eye-view overlap area times the overlap of the z intervals, over the union volume.
 * In [0, 1]; 0 for disjoint, touching or degenerate boxes, never NaN.
 */
export function iou3d(a: CuboidShape, b: CuboidShape): number {
  if (!(a.size[2] > 0 && b.size[2] > 0)) return 0;
  const zOverlap = Math.min(a.center[2] + a.size[2] / 2, b.center[2] + b.size[2] / 2) - Math.max(a.center[2] - a.size[2] / 2, b.center[2] - b.size[2] / 2);
  if (!(zOverlap > 0)) return 0;
  const interArea = bevIntersectionArea(a, b);
  if (interArea <= 0) return 0;
  const inter = interArea * zOverlap;
  const volA = a.size[0] * a.size[1] * a.size[2];
  const volB = b.size[0] * b.size[1] * b.size[2];
  return clampUnit(inter / (volA + volB - inter));
}

function clampUnit(v: number): number {
  if (!(v > 0)) return 0;
  return v > 1 ? 1 : v;
}
