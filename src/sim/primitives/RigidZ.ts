/**
 * A rigid transform made of a rotation about +z and a translation: x' = Rz(yaw)·x + t.
 * The simulator uses it to place object parts in the world and to move the world into the
 * LiDAR frame of each sweep.
 */
export interface RigidZ {
  yaw: number;
  tx: number;
  ty: number;
  tz: number;
}

/** Applies the transform to a point, writing x' y' z' into `out` (returned). */
export function applyRigidZ(m: RigidZ, x: number, y: number, z: number, out: number[] = [0, 0, 0]): number[] {
  const c = Math.cos(m.yaw);
  const s = Math.sin(m.yaw);
  out[0] = c * x - s * y + m.tx;
  out[1] = s * x + c * y + m.ty;
  out[2] = z + m.tz;
  return out;
}

/** The inverse transform: maps x' back to x. */
export function invertRigidZ(m: RigidZ): RigidZ {
  const c = Math.cos(-m.yaw);
  const s = Math.sin(-m.yaw);
  return { yaw: -m.yaw, tx: -(c * m.tx - s * m.ty), ty: -(s * m.tx + c * m.ty), tz: -m.tz };
}
