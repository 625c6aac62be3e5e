import { Vector3 } from 'three';
import type { CloudBounds } from '../domain/pointcloud/robustBounds.ts';

/** Clouds whose extent is below this (metres) are not street scans: an object or a room, framed on load. */
const SMALL_EXTENT = 8;
/** Clouds whose centre is further than this from the sensor origin are framed on load too. */
const FAR_CENTRE = 80;
/** A new cloud this many times larger or smaller than the last one is framed afresh (another scale of scene). */
const SCALE_CHANGE = 4;
/**
 * OrbitControls' wheel zoom speed: each wheel notch (deltaY 100) scales the view by 0.95^speed,
 * so 3 gives about 14 % a notch where the default 1 gave 5 %.
 */
export const WHEEL_ZOOM_SPEED = 3;

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

/** The largest side of a cloud's bounds, metres. */
function extentOf(b: CloudBounds): number {
  return Math.max(b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2], 1e-6);
}

/**
 * How the main view meets a newly loaded cloud (`next`), given the cloud loaded before it
 * (`previous`, null for the first): `aim` at it when the default street view would miss it
 * (`needsFraming`); back to the `default` street view when it is a street scan but the view was
 * framed for a cloud of another scale (an object scan before it, or a cloud over 4× larger or
 * smaller); else `keep` the view the user has (frames of one sequence).
 */
export function framingOnLoad(previous: CloudBounds | null, next: CloudBounds | null): 'aim' | 'default' | 'keep' {
  if (next === null) return 'keep';
  if (needsFraming(next)) return 'aim';
  if (previous === null) return 'keep';
  if (needsFraming(previous)) return 'default';
  const ratio = extentOf(next) / extentOf(previous);
  return ratio > SCALE_CHANGE || ratio < 1 / SCALE_CHANGE ? 'default' : 'keep';
}
