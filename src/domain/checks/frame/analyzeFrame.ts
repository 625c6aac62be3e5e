import { buildPointGrid } from '../../geometry/PointGrid.ts';
import type { PointGrid } from '../../geometry/PointGrid.ts';
import { pointBounds } from '../../geometry/pointBounds.ts';
import { estimateGround } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import type { FrameAnalysis } from './FrameAnalysis.ts';
import { clusterObstacles } from './clusterObstacles.ts';

export interface AnalyzeFrameOptions {
  /** A grid already built over the same positions. */
  grid?: PointGrid;
  /** A ground model already estimated for the same positions. */
  ground?: GroundModel;
}

/**
 * Derives the per-frame data the checks need from `positions` (x y z interleaved, LiDAR frame,
 * metres): point grid, bounds, farthest range, ground and obstacle clusters. Linear in the
 * number of points; call once per frame.
 */
export function analyzeFrame(positions: Float32Array, opts: AnalyzeFrameOptions = {}): FrameAnalysis {
  const grid = opts.grid ?? buildPointGrid(positions);
  const bounds = pointBounds(positions);
  let maxRange2 = 0;
  for (let o = 0; o + 2 < positions.length; o += 3) {
    const d2 = positions[o] * positions[o] + positions[o + 1] * positions[o + 1];
    if (d2 > maxRange2 && d2 !== Infinity) maxRange2 = d2;
  }
  const ground = opts.ground ?? estimateGround(positions);
  const clusters = clusterObstacles(positions, ground);
  return { grid, bounds, maxRange: Math.sqrt(maxRange2), ground, clusters };
}
