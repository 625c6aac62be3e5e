import type { ScanSensor } from '../sensor/ScanSensor.ts';
import type { Vec3 } from '../types.ts';
import type { CuboidShape } from './CuboidShape.ts';
import type { GroundModel } from './estimateGround.ts';
import type { HeadingSource, TrafficSide } from './headingSign.ts';
import type { PointGrid } from './PointGrid.ts';

export type { HeadingSource, TrafficSide } from './headingSign.ts';

/** Options of a one-click fit (`fitCuboid`) and of a fit to given points (`fitToPoints`). */
export interface FitCuboidOptions {
  /** Class of the object (KITTI names); sets the search radius and the size prior. Default 'Car'. */
  label?: string;
  /** Grid over the same positions (built here when absent; pass one to fit many boxes fast). */
  grid?: PointGrid;
  /** Ground model of the frame (estimated around the seed when absent). */
  ground?: GroundModel;
  /** The same object's box (the previous frame's, or the box being refitted, R): its size and heading are the priors. */
  prior?: CuboidShape;
  /** Which of `headingCandidates` to use (wraps around); default 0, the most likely. */
  headingIndex?: number;
  /**
   * Optical centre of the sensor in the points' frame, metres (default [0, 0, 0]): the line of
   * sight starts there, so it decides which faces of an object are visible. Argoverse 2 points are
   * in the vehicle frame, with the sensor about 1.6–1.9 m above the origin. `sensor.origin` wins.
   */
  sensorOrigin?: readonly [number, number, number];
  /**
   * The scan's sensor model (`estimateScanSensor`): its origin, its beam elevations (for the
   * top-seen test) and its azimuth step (for linking returns and the edge allowance). Without it
   * the fit assumes a sensor at `sensorOrigin` with ~0.4° beam spacing.
   */
  sensor?: ScanSensor;
  /**
   * The same object's centre in the previous frame (x, y[, z], metres), in this frame's
   * coordinates (ego motion removed): the way it moved is its heading. Ignored when it moved less
   * than 0.3 m or across its axis.
   */
  previousCenter?: readonly number[];
  /** Which side of the road traffic keeps to, for the default heading of vehicles (default 'right'). */
  trafficSide?: TrafficSide;
  /**
   * Gather points no farther than this from the seed (metres, BEV), when less than the class's
   * search radius: boxing a missed-object finding keeps to that cluster's extent, so a neighbouring
   * cluster that would fit the class footprint (a bush beside a garage, for a Truck) stays out.
   */
  reach?: number;
  /**
   * Boxes already drawn in the frame: their points are not gathered, so a fit beside a boxed car
   * never takes in part of it (a box holding the seed itself is not left out: a click inside a box
   * fits what is there).
   */
  exclude?: readonly CuboidShape[];
}

export interface FitCuboidSeed {
  /** LiDAR-frame click position, metres. `z` is not used: the box sits on the local ground. */
  x: number;
  y: number;
  z?: number;
}

/**
 * How much to trust a fit: `high` when the object was seen whole (length, width and top), `medium`
 * when some of it came from the class prior, `low` for a sparse object (under 10 returns) boxed
 * at the class size around its returns.
 */
export type FitConfidence = 'high' | 'medium' | 'low';

export interface FitResult {
  /** Box centre, LiDAR frame, metres. */
  center: Vec3;
  /** [length along heading, width, height], metres. */
  size: Vec3;
  /** Radians about +z from +x, in (−π, π]; equals `headingCandidates[headingIndex mod 4]`. */
  yaw: number;
  /** Number of points of the object cluster the box was fitted to. */
  pointCount: number;
  /**
   * The 4 plausible headings (radians, (−π, π]), most likely first: the fitted rectangle's
   * length axis both ways, then its other axis both ways (index 1 flips index 0, 2 and 3 turn it
   * a quarter). With a `prior`, the heading closest to the prior's yaw comes first. For a stable
   * cycle, keep the same prior (or none) and step `headingIndex`.
   */
  headingCandidates: number[];
  /** Indices (into positions) of the object cluster, ascending. */
  indices: Uint32Array;
  // The three fields below are always set by `fitCuboid` and `fitToPoints`; they are optional so
  // that fit results made elsewhere before they existed (service stubs) remain valid.
  /** Why `headingCandidates[0]` points the way it does (see `HeadingSource`). */
  headingSource?: HeadingSource;
  confidence?: FitConfidence;
  /** Whether the object's top was seen (else the height is the class prior within what the beams allow). */
  topSeen?: boolean;
}
