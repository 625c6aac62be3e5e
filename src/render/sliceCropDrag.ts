/** A point or direction, LiDAR frame, metres. */
type V3 = readonly [number, number, number];

/**
 * The range handle under a view ray: the horizontal distance from the sensor (the frame origin)
 * of where the ray meets the plane z = `z` (metres); null when the ray runs parallel to the
 * plane or meets it behind its origin.
 */
export function rangeAtRay(origin: V3, dir: V3, z: number): number | null {
  if (Math.abs(dir[2]) < 1e-9) return null;
  const s = (z - origin[2]) / dir[2];
  if (!(s >= 0)) return null;
  return Math.hypot(origin[0] + s * dir[0], origin[1] + s * dir[1]);
}

/**
 * The height handle under a view ray: the z (metres) of the point of the vertical line through
 * (`x`, `y`) nearest the ray; null when the ray is (nearly) vertical, so any height would do.
 */
export function heightAtRay(origin: V3, dir: V3, x: number, y: number): number | null {
  const a = dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2];
  const b = dir[2];
  const denom = a - b * b;
  if (!(denom > 1e-9 * a)) return null;
  const w0x = origin[0] - x;
  const w0y = origin[1] - y;
  const w0z = origin[2];
  const d = dir[0] * w0x + dir[1] * w0y + dir[2] * w0z;
  return (a * w0z - b * d) / denom;
}

/** A handle value as the controls show it: rounded to 5 cm. */
export function roundHandle(v: number): number {
  return Math.round(v * 20) / 20;
}
