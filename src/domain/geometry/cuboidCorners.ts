import type { Vec3 } from '../types.ts';
import type { CuboidShape } from './CuboidShape.ts';

/**
 * The 8 corners of an oriented box, LiDAR frame, metres.
 *
 * Order (in box-local coordinates, x along the heading, y to the left, before rotation by yaw):
 * bottom face 0–3 = (+l/2, +w/2), (−l/2, +w/2), (−l/2, −w/2), (+l/2, −w/2) at z = −h/2,
 * then the top face 4–7 in the same order at z = +h/2. Each face is counter-clockwise seen from
 * above; corners 0, 3, 4, 7 are the front (heading) face.
 */
export function cuboidCorners(box: CuboidShape): Vec3[] {
  const [cx, cy, cz] = box.center;
  const hl = box.size[0] / 2;
  const hw = box.size[1] / 2;
  const hh = box.size[2] / 2;
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const local: ReadonlyArray<readonly [number, number]> = [
    [hl, hw],
    [-hl, hw],
    [-hl, -hw],
    [hl, -hw],
  ];
  const out: Vec3[] = [];
  for (const z of [cz - hh, cz + hh]) {
    for (const [lx, ly] of local) {
      out.push([cx + lx * c - ly * s, cy + lx * s + ly * c, z]);
    }
  }
  return out;
}

/**
 * Converts a LiDAR-frame point (metres) to the box-local frame (metres): origin at the box
 * centre, +x along the heading, +y to the left, +z up. The inverse of the rotation by `yaw`.
 *
 * The arithmetic is the one `isPointInCuboid` and `pointsInCuboids` use, so a point whose local
 * coordinates are within the half-extents here is inside there too.
 */
export function toBoxLocal(box: CuboidShape, x: number, y: number, z: number): Vec3 {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const dx = x - box.center[0];
  const dy = y - box.center[1];
  return [dx * c + dy * s, dy * c - dx * s, z - box.center[2]];
}

/**
 * Converts a box-local point (metres; +x heading, +y left, +z up, origin at the centre) to the
 * LiDAR frame (metres). Inverse of `toBoxLocal`.
 */
export function fromBoxLocal(box: CuboidShape, lx: number, ly: number, lz: number): Vec3 {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  return [box.center[0] + lx * c - ly * s, box.center[1] + lx * s + ly * c, box.center[2] + lz];
}

/**
 * The bird's-eye-view footprint of a box: its 4 bottom corners as (x, y) in the LiDAR frame
 * (metres), counter-clockwise, in the order of corners 0–3 of `cuboidCorners`.
 * A box with a negative length or width yields a clockwise polygon; callers that need area
 * should treat such boxes as empty.
 */
export function bevPolygon(box: CuboidShape): [number, number][] {
  const [cx, cy] = box.center;
  const hl = box.size[0] / 2;
  const hw = box.size[1] / 2;
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  return [
    [cx + hl * c - hw * s, cy + hl * s + hw * c],
    [cx - hl * c - hw * s, cy - hl * s + hw * c],
    [cx - hl * c + hw * s, cy - hl * s - hw * c],
    [cx + hl * c + hw * s, cy + hl * s - hw * c],
  ];
}
