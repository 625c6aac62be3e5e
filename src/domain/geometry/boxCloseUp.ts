import type { CuboidShape } from './CuboidShape.ts';

/**
 * The 2D close-ups of one box the batch view draws, and the neighbourhood of points they need.
 * Both views are orthographic and follow the box as the main view's close-ups do
 * (`render/BoxCamera.tsx`):
 * - `top`: looking down, the box's heading points up the screen, its right side is screen right;
 * - `side`: looking at the box's left flank, z up, its front on the screen's left.
 * Close-up coordinates `(u, v)` are metres from the box centre, u to the screen's right and v up.
 * Inputs are LiDAR frame (metres, yaw radians about +z).
 */
export type CloseUpKind = 'top' | 'side';

/** Metres shown around a box in its close-ups: at least 1 m, a third of its longer side. */
export function closeUpPadding(size: CuboidShape['size']): number {
  return Math.max(1, 0.35 * Math.max(size[0], size[1]));
}

/**
 * Metres of points gathered around a box for its close-ups (added to every face): twice the view
 * padding, so a box nudged or turned within the padding is still inside the points held.
 */
export function cropMargin(size: CuboidShape['size']): number {
  return 2 * closeUpPadding(size);
}

/** A point in the box's own frame: along its heading, to its left, up from its centre (metres). */
export function toBoxLocal(box: CuboidShape, x: number, y: number, z: number): [number, number, number] {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const dx = x - box.center[0];
  const dy = y - box.center[1];
  return [c * dx + s * dy, -s * dx + c * dy, z - box.center[2]];
}

/** A LiDAR point in a close-up of `box`: `[u, v]` metres from the box centre (u right, v up). */
export function toCloseUp(box: CuboidShape, kind: CloseUpKind, x: number, y: number, z: number): [number, number] {
  const [lx, ly, lz] = toBoxLocal(box, x, y, z);
  return kind === 'top' ? [-ly, lx] : [-lx, lz];
}

/** The LiDAR (x, y) under close-up point `(u, v)` of the top view of `box`. */
export function topCloseUpToLidar(box: CuboidShape, u: number, v: number): [number, number] {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  // Local (lx, ly) = (v, −u), turned by yaw and moved to the centre.
  return [box.center[0] + c * v + s * u, box.center[1] + s * v - c * u];
}

/**
 * Half extents `[u, v]` (metres) of the area a close-up of `box` shows: the box with the padding
 * on each side (top: width across, length up; side: length across, height up).
 */
export function closeUpHalfExtent(box: CuboidShape, kind: CloseUpKind): [number, number] {
  const pad = closeUpPadding(box.size);
  const [l, w, h] = box.size;
  return kind === 'top' ? [w / 2 + pad, l / 2 + pad] : [l / 2 + pad, h / 2 + pad];
}

/**
 * Pixels per metre and the pixel of the box centre that fit a close-up of `box` into a
 * `width` × `height` pixel canvas (y down), same scale on both axes.
 */
export function closeUpScale(box: CuboidShape, kind: CloseUpKind, width: number, height: number): { scale: number; cx: number; cy: number } {
  const [hu, hv] = closeUpHalfExtent(box, kind);
  const scale = Math.max(1e-6, Math.min(width / (2 * hu), height / (2 * hv)));
  return { scale, cx: width / 2, cy: height / 2 };
}

/**
 * Whether points gathered around `crop` with `margin` metres on every face still hold what the
 * close-ups of `box` show: the eight corners of `box` grown by its close-up padding lie inside
 * `crop` grown by `margin` (both oriented boxes). False means gather the points again.
 */
export function cropCovers(crop: CuboidShape, margin: number, box: CuboidShape): boolean {
  const pad = closeUpPadding(box.size);
  const hl = box.size[0] / 2 + pad;
  const hw = box.size[1] / 2 + pad;
  const hh = box.size[2] / 2;
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const lim = [crop.size[0] / 2 + margin, crop.size[1] / 2 + margin, crop.size[2] / 2 + margin];
  for (const a of [-1, 1]) {
    for (const b of [-1, 1]) {
      for (const d of [-1, 1]) {
        const x = box.center[0] + c * a * hl - s * b * hw;
        const y = box.center[1] + s * a * hl + c * b * hw;
        const z = box.center[2] + d * hh;
        const p = toBoxLocal(crop, x, y, z);
        if (Math.abs(p[0]) > lim[0] + 1e-9 || Math.abs(p[1]) > lim[1] + 1e-9 || Math.abs(p[2]) > lim[2] + 1e-9) return false;
      }
    }
  }
  return true;
}
