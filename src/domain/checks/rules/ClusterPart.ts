/** A part carved out of an obstacle cluster (LiDAR frame, metres; heights above the ground). */
export interface ClusterPart {
  points: number;
  x: number;
  y: number;
  z: number;
  groundZ: number;
  /** BEV extents along and across the part's principal axis, and that axis's direction (radians about +z). */
  length: number;
  width: number;
  yaw: number;
  top: number;
  bottom: number;
}
