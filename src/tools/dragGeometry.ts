import type { Cuboid, Vec3 } from '../domain/types.ts';
import type { CuboidShape } from '../domain/geometry/CuboidShape.ts';
import { toBoxLocal } from '../domain/geometry/cuboidCorners.ts';
import { normalizeYaw } from '../domain/document/cuboidOps.ts';
import type { FaceHandle, Point3, ViewId } from './ToolEvent.ts';

/**
 * Pure geometry of the drag gestures. Inputs and outputs are LiDAR frame, metres, radians.
 * Every function takes the box as it was when the gesture started and the pointer's start and
 * current points, so that a drag is a function of its endpoints (no accumulated error).
 */

/** Smallest edge a resize may leave, metres. */
export const MIN_CUBOID_SIZE = 0.1;

/**
 * The pointer motion from `start` to `current` restricted to the plane a view can move in:
 * `top`/`main` move in x/y (the pointer is on the ground or the cloud, its z is not a target);
 * `side` moves along the reference box's heading and z; `front` along its lateral axis and z.
 */
export function viewDelta(view: ViewId, start: Point3, current: Point3, reference: CuboidShape): Vec3 {
  const dx = current[0] - start[0];
  const dy = current[1] - start[1];
  const dz = current[2] - start[2];
  if (view === 'top' || view === 'main') return [dx, dy, 0];
  const c = Math.cos(reference.yaw);
  const s = Math.sin(reference.yaw);
  if (view === 'side') {
    const along = dx * c + dy * s;
    return [along * c, along * s, dz];
  }
  const lateral = -dx * s + dy * c;
  return [-lateral * s, lateral * c, dz];
}

/** `box` moved by `delta`. */
export function translateCuboid<T extends CuboidShape>(box: T, delta: Vec3): T {
  return { ...box, center: [box.center[0] + delta[0], box.center[1] + delta[1], box.center[2] + delta[2]] };
}

/**
 * The yaw change (radians, in (−π, π]) of a pointer swept from `start` to `current` about the
 * box centre in the x/y plane. With `snap` (radians > 0) the change is rounded to its multiples.
 */
export function dragYawDelta(box: CuboidShape, start: Point3, current: Point3, snap = 0): number {
  const a0 = Math.atan2(start[1] - box.center[1], start[0] - box.center[0]);
  const a1 = Math.atan2(current[1] - box.center[1], current[0] - box.center[0]);
  const d = normalizeYaw(a1 - a0);
  return snap > 0 ? Math.round(d / snap) * snap : d;
}

const AXIS: Record<FaceHandle, { k: 0 | 1 | 2; sign: 1 | -1 }> = {
  '+x': { k: 0, sign: 1 },
  '-x': { k: 0, sign: -1 },
  '+y': { k: 1, sign: 1 },
  '-y': { k: 1, sign: -1 },
  '+z': { k: 2, sign: 1 },
  '-z': { k: 2, sign: -1 },
};

/**
 * Whether a view shows the axis of a face handle (length in top/main/side, width in
 * top/main/front, height in side/front only: the top view's pointer z is the ground's, not a target).
 */
export function canResizeInView(view: ViewId, handle: FaceHandle): boolean {
  const { k } = AXIS[handle];
  if (k === 2) return view === 'side' || view === 'front';
  if (k === 0) return view !== 'front';
  return view !== 'side';
}

/**
 * `box` with face `handle` moved by the pointer's motion along that face's axis (box-local); the
 * opposite face stays where it was, and the edge never goes below `minSize`.
 */
export function resizeCuboidFace<T extends CuboidShape>(box: T, handle: FaceHandle, start: Point3, current: Point3, minSize = MIN_CUBOID_SIZE): T {
  const { k, sign } = AXIS[handle];
  const g0 = toBoxLocal(box, start[0], start[1], start[2])[k];
  const g1 = toBoxLocal(box, current[0], current[1], current[2])[k];
  const half = box.size[k] / 2;
  const opposite = -sign * half;
  const newSize = Math.max(minSize, sign * (sign * half + (g1 - g0) - opposite));
  const centerShift = opposite + (sign * newSize) / 2; // new centre along axis k, box-local
  const size: [number, number, number] = [box.size[0], box.size[1], box.size[2]];
  size[k] = newSize;
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const local: Vec3 = k === 0 ? [centerShift, 0, 0] : k === 1 ? [0, centerShift, 0] : [0, 0, centerShift];
  const center: Vec3 = [box.center[0] + local[0] * c - local[1] * s, box.center[1] + local[0] * s + local[1] * c, box.center[2] + local[2]];
  return { ...box, center, size };
}

/**
 * The box spanned by a rectangle dragged from `a` to `b` on the ground: aligned with the view's
 * axes (rotated by `viewYaw`), heading along its longer side, at least `minSize` on each side.
 * Returns centre x/y, length, width and yaw; the caller sets z and height.
 */
export function rectangleFootprint(
  a: Point3,
  b: Point3,
  viewYaw = 0,
  minSize = MIN_CUBOID_SIZE,
): { cx: number; cy: number; length: number; width: number; yaw: number } {
  const c = Math.cos(viewYaw);
  const s = Math.sin(viewYaw);
  // Corners in the view's frame.
  const ax = a[0] * c + a[1] * s;
  const ay = -a[0] * s + a[1] * c;
  const bx = b[0] * c + b[1] * s;
  const by = -b[0] * s + b[1] * c;
  const ex = Math.max(minSize, Math.abs(bx - ax));
  const ey = Math.max(minSize, Math.abs(by - ay));
  const mx = (ax + bx) / 2;
  const my = (ay + by) / 2;
  const cx = mx * c - my * s;
  const cy = mx * s + my * c;
  if (ey > ex) return { cx, cy, length: ey, width: ex, yaw: normalizeYaw(viewYaw + Math.PI / 2) };
  return { cx, cy, length: ex, width: ey, yaw: normalizeYaw(viewYaw) };
}
