import type { PointGrid } from '../../geometry/PointGrid.ts';
import type { Bounds } from '../../geometry/pointBounds.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';
import type { ScanSensor } from '../../sensor/ScanSensor.ts';
import type { ObstacleClusters } from './clusterObstacles.ts';
import type { ClusterGroups } from './clusterGroups.ts';
import type { RangeImage } from './RangeImage.ts';

/**
 * What the checks derive from a frame's points once, independent of its boxes: built by
 * `analyzeFrame` when a frame is opened, reused by every later check run on that frame.
 * LiDAR frame, metres.
 */
export interface FrameAnalysis {
  grid: PointGrid;
  /** Axis-aligned bounds of the finite points, null for an empty cloud. */
  bounds: Bounds | null;
  /** Largest bird's-eye-view distance of a point from the sensor (`sensor.origin`). */
  maxRange: number;
  /**
   * Elevation (radians) of the sensor's highest beam, from the points (99.9th percentile of the
   * points' elevation angles beyond 3 m): objects reaching it may be taller than they look.
   */
  topElevation: number;
  /** The ground model used (given, or `estimateGround` of the points). */
  ground: GroundModel;
  /** The sensor model read from the scan (origin, beams, resolution, height, range). */
  sensor: ScanSensor;
  clusters: ObstacleClusters;
  /** Clusters joined into candidate objects, with their scenery cues, for the missed-object search. */
  groups: ClusterGroups;
  /** Nearest obstacle point per viewing direction, for occlusion tests. */
  rangeImage: RangeImage;
}
