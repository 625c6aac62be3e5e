import { Vector3 } from 'three';
import type { CloudBounds } from '../domain/pointcloud/robustBounds.ts';

/** Clouds whose extent is below this (metres) are not street scans: an object or a room, framed on load. */
const SMALL_EXTENT = 8;
/** Clouds whose centre is further than this from the sensor origin are framed on load too. */
const FAR_CENTRE = 80;
/** Direction from the target to the 3D camera (the default view's: behind, left of and above the sensor). */
export const VIEW_DIR = new Vector3(-22, -14, 18).normalize();

export interface Aim {
  centre: Vector3;
  /** Radius of the sphere to keep in view, metres. */
  radius: number;
}

export function aimAtBounds(b: CloudBounds): Aim {
  const centre = new Vector3((b.min[0] + b.max[0]) / 2, (b.min[1] + b.max[1]) / 2, (b.min[2] + b.max[2]) / 2);
  const radius = Math.max(0.05, new Vector3(b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]).length() / 2);
  return { centre, radius };
}

/** Whether a newly loaded cloud is unlike a street scan around the sensor, so the default view would miss it. */
export function needsFraming(b: CloudBounds | null): boolean {
  if (b === null) return false;
  const extent = Math.max(b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]);
  const cx = (b.min[0] + b.max[0]) / 2;
  const cy = (b.min[1] + b.max[1]) / 2;
  return extent < SMALL_EXTENT || Math.hypot(cx, cy) > FAR_CENTRE;
}
