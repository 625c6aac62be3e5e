import { wrapAngle } from '../../kitti/wrapAngle.ts';
import type { Cuboid } from '../../types.ts';
import { quaternionYaw, yawToQuaternion } from '../common/quaternion.ts';
import { roundTo } from '../common/roundTo.ts';
import { settle } from '../common/settle.ts';

/** Decimals written for OpenLABEL numbers (metres, quaternion components, matrix entries). */
export const OPENLABEL_DIGITS = 9;

type Shape = Pick<Cuboid, 'center' | 'size' | 'yaw'>;

/**
 * A box as an OpenLABEL cuboid `val`: `x, y, z, qx, qy, qz, qw, sx, sy, sz` (the schema's
 * 10-value form): the centre, the rotation of the box's own frame (+x along its length) as a
 * quaternion, and its size along its own axes (`sx` length, `sy` width, `sz` height), in the
 * coordinate system the cuboid names (here the LiDAR's). Rounded to 9 decimals and settled.
 */
export function cuboidVal(c: Shape): number[] {
  const encode = (b: Shape): number[] => {
    const [w, x, y, z] = yawToQuaternion(b.yaw);
    return [...b.center, x, y, z, w, ...b.size].map((v) => roundTo(v, OPENLABEL_DIGITS));
  };
  return settle(c, encode, valToShape).values;
}

/**
 * The box of an OpenLABEL cuboid `val`: 10 values with a quaternion (`qx qy qz qw`), or 9 with
 * Euler angles `rx ry rz` (yaw = `rz`). Roll and pitch are dropped (the app's boxes stand upright).
 * @throws RangeError for another length or a zero quaternion
 */
export function valToShape(v: readonly number[]): Shape {
  if (v.length === 10) {
    return { center: [v[0], v[1], v[2]], size: [v[7], v[8], v[9]], yaw: quaternionYaw([v[6], v[3], v[4], v[5]]) };
  }
  if (v.length === 9) return { center: [v[0], v[1], v[2]], size: [v[6], v[7], v[8]], yaw: wrapAngle(v[5]) };
  throw new RangeError(`a cuboid val has 9 or 10 values, not ${v.length}`);
}
