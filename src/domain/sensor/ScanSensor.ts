/**
 * What the checks and the fit know about the LiDAR that made a scan, read from the scan itself
 * (`estimateScanSensor`), computed once per frame and cached beside the ground model. Plain data
 * (structured-cloneable), so a worker can build it once and send it on.
 *
 * Frame: the frame of the points (x forward, y left, z up, metres). The sensor need not sit at the
 * origin: Argoverse 2 gives points in the vehicle frame, with the sensor about 1.6–1.9 m above it.
 */
export interface ScanSensor {
  /** Optical centre of the sensor in the points' frame, metres. */
  origin: [number, number, number];
  /** How `origin` was found: given by the caller, or estimated from the scan. */
  originSource: 'given' | 'estimated';
  /** Number of distinct beams (rings). 0 when the scan shows no beam structure. */
  beams: number;
  /** Beam elevations seen from `origin`, radians, ascending (length `beams`). */
  elevations: Float64Array;
  /** Where the elevations come from: a ring/laser-id field, the elevation histogram, or neither. */
  elevationSource: 'ring' | 'histogram' | 'none';
  /** Horizontal angle between neighbouring firings of one beam, radians. */
  azimuthStep: number;
  /** Height of `origin` above the ground under it, metres. */
  heightAboveGround: number;
  /** Farthest horizontal range the scan reaches (a high percentile of the points'), metres. */
  maxRange: number;
  /** Share of the points of the scan that are valid returns (finite, not at the origin). */
  returnRate: number;
}

/** What `expectedReturns` predicts for one box. */
export interface ExpectedReturns {
  /** Returns a fully visible object filling the box would give above its bottom 0.2 m. */
  unoccluded: number;
  /** The same, discounted for the share of the box hidden behind nearer points. */
  expected: number;
  /** Beams whose rays cross the box. */
  beams: number;
  /** Firings (columns) across the box's horizontal angular width. */
  columns: number;
  /** Share (0..1) of the box's rays blocked by nearer points; 0 when no occlusion data was given. */
  occludedFraction: number;
}
