import { Matrix4, Vector3 } from 'three';
import type { Cuboid } from '../domain/types.ts';

type BoxShape = Pick<Cuboid, 'center' | 'size' | 'yaw'>;

/** The one place domain boxes meet three.js math: box-local → LiDAR world matrix (no scale). */
export function boxToWorld(box: BoxShape, target = new Matrix4()): Matrix4 {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  return target.set(c, -s, 0, box.center[0], s, c, 0, box.center[1], 0, 0, 1, box.center[2], 0, 0, 0, 1);
}

/** LiDAR world → box-local matrix. */
export function worldToBox(box: BoxShape, target = new Matrix4()): Matrix4 {
  return boxToWorld(box, target).invert();
}

/** Half extents (l/2, w/2, h/2) as a Vector3. */
export function boxHalfSize(box: BoxShape, target = new Vector3()): Vector3 {
  return target.set(box.size[0] / 2, box.size[1] / 2, box.size[2] / 2);
}
