import { bevPolygon } from '../../geometry/cuboidCorners.ts';
import type { CuboidShape } from '../../geometry/CuboidShape.ts';
import type { FrameAnalysis } from '../frame/FrameAnalysis.ts';

/** Distance (metres) from the edge of the scan within which an object may be cut by it. */
const EDGE = 2;

/**
 * Whether a box reaches the edge of what the scan covers: its footprint comes within 2 m of the
 * farthest point's range, crosses the points' extent, or reaches into the blind zone around the
 * sensor (`egoRadius` + 2 m). Only such boxes can be "truncated by the scan" and boxed to their
 * visible extent; elsewhere a KITTI `truncated` value means truncation in the camera image, and
 * the 3D box is still the whole object.
 */
export function isAtScanEdge(box: CuboidShape, analysis: FrameAnalysis, egoRadius: number): boolean {
  const { bounds, maxRange } = analysis;
  if (bounds === null) return true;
  for (const [x, y] of bevPolygon(box)) {
    const r = Math.hypot(x, y);
    if (r > maxRange - EDGE || r < egoRadius + EDGE) return true;
    if (x < bounds.min[0] + EDGE || x > bounds.max[0] - EDGE || y < bounds.min[1] + EDGE || y > bounds.max[1] - EDGE) return true;
  }
  return false;
}
