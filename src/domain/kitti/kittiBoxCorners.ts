import type { Vec3 } from '../types.ts';

/**
 * The 8 corners of a KITTI box in rectified camera 0 coordinates (metres), in the devkit's
 * `computeBox3D` order (§2.4): 0–3 the bottom face (y = location.y), 4–7 the top face (y − h).
 *
 * @param location bottom-face centre, rectified camera 0 (x right, y down, z forward), metres
 * @param dimensions `[h, w, l]` in metres (file order)
 * @param rotationY yaw about camera y, radians; the length axis is `(cos ry, 0, −sin ry)`
 */
export function kittiBoxCorners(location: Vec3, dimensions: Vec3, rotationY: number): [number, number, number][] {
  const [h, w, l] = dimensions;
  const c = Math.cos(rotationY);
  const s = Math.sin(rotationY);
  const xs = [l / 2, l / 2, -l / 2, -l / 2];
  const zs = [w / 2, -w / 2, -w / 2, w / 2];
  const corners: [number, number, number][] = [];
  for (const yo of [0, -h]) {
    for (let k = 0; k < 4; k++) {
      // R_y(ry) = [[c, 0, s], [0, 1, 0], [−s, 0, c]]
      corners.push([c * xs[k] + s * zs[k] + location[0], yo + location[1], -s * xs[k] + c * zs[k] + location[2]]);
    }
  }
  return corners;
}
