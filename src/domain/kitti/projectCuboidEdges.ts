import type { Cuboid } from '../types.ts';
import type { KittiCalib } from './KittiCalib.ts';
import { cuboidCameraBox } from './cuboidCameraBox.ts';
import { kittiBoxCorners } from './kittiBoxCorners.ts';

/** Closest rectified-camera depth (metres) an edge is drawn to; the KITTI devkit's limit. */
const NEAR = 0.1;

/** The 12 edges of a box as corner index pairs (corners 0–3 bottom, 4–7 top; §2.4 order). */
const EDGES: [number, number][] = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 0],
  [4, 5],
  [5, 6],
  [6, 7],
  [7, 4],
  [0, 4],
  [1, 5],
  [2, 6],
  [3, 7],
];

/** One projected edge in image-2 pixels; `front` marks the edges of the box's front face. */
export interface ProjectedEdge {
  u1: number;
  v1: number;
  u2: number;
  v2: number;
  front: boolean;
}

/**
 * Projects a LiDAR-frame box's edges into image 2 with the export's math (velo2rect, P2), clipping
 * each edge at the near plane (rectified z = 0.1 m) so boxes beside or behind the camera never
 * wrap around the image. Edges wholly behind the camera are dropped. Coordinates may lie outside
 * the image; the caller's canvas clips them.
 */
export function projectCuboidEdges(cuboid: Cuboid, calib: KittiCalib): ProjectedEdge[] {
  const box = cuboidCameraBox(cuboid, calib);
  const corners = kittiBoxCorners(box.location, box.dimensions, box.rotationY);
  const P = calib.P2;
  const project = (p: [number, number, number]): [number, number] => {
    const x = P[0] * p[0] + P[1] * p[1] + P[2] * p[2] + P[3];
    const y = P[4] * p[0] + P[5] * p[1] + P[6] * p[2] + P[7];
    const w = P[8] * p[0] + P[9] * p[1] + P[10] * p[2] + P[11];
    return [x / w, y / w];
  };
  const out: ProjectedEdge[] = [];
  for (const [i, j] of EDGES) {
    let a = corners[i];
    let b = corners[j];
    if (a[2] < NEAR && b[2] < NEAR) continue;
    if (a[2] < NEAR || b[2] < NEAR) {
      const t = (NEAR - a[2]) / (b[2] - a[2]);
      const cut: [number, number, number] = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), NEAR];
      if (a[2] < NEAR) a = cut;
      else b = cut;
    }
    const [u1, v1] = project(a);
    const [u2, v2] = project(b);
    // Corners 0, 1, 4, 5 have x_o = +l/2: the front face.
    const front = [0, 1, 4, 5].includes(i) && [0, 1, 4, 5].includes(j);
    out.push({ u1, v1, u2, v2, front });
  }
  return out;
}
