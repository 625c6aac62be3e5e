/**
 * Synthetic LiDAR-like scenes for fitting tests: a flat ground grid and boxes of which only the
 * faces that face the sensor (at the origin) are sampled, in horizontal scan rows, with noise.
 */
import type { CuboidShape } from '../../../../src/domain/geometry/CuboidShape.ts';
import { makeRandom } from './testRandom.ts';

export interface SceneOptions {
  groundZ?: number;
  /** Ground sample spacing, metres. */
  groundStep?: number;
  /** Half-size of the ground square around the origin, metres. */
  extent?: number;
  /** Spacing of samples along a face, metres. */
  step?: number;
  /** Vertical spacing of scan rows, metres. */
  rowStep?: number;
  noise?: number;
  seed?: number;
}

/** Points of the visible faces of `box` (sides facing the origin), bottom at the box bottom. */
export function visibleFacePoints(box: CuboidShape, opts: SceneOptions = {}): number[] {
  const rnd = makeRandom(opts.seed ?? 1);
  const step = opts.step ?? 0.1;
  const rowStep = opts.rowStep ?? 0.2;
  const noise = opts.noise ?? 0.02;
  const [cx, cy, cz] = box.center;
  const [l, w, h] = box.size;
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const toWorld = (u: number, v: number): [number, number] => [cx + u * c - v * s, cy + u * s + v * c];
  // Sides as (centre u, v, outward normal u, v, half-length, direction u, v).
  const sides: [number, number, number, number, number, number, number][] = [
    [l / 2, 0, 1, 0, w / 2, 0, 1],
    [-l / 2, 0, -1, 0, w / 2, 0, 1],
    [0, w / 2, 0, 1, l / 2, 1, 0],
    [0, -w / 2, 0, -1, l / 2, 1, 0],
  ];
  const out: number[] = [];
  for (const [mu, mv, nu, nv, half, du, dv] of sides) {
    const [mx, my] = toWorld(mu, mv);
    const nx = nu * c - nv * s;
    const ny = nu * s + nv * c;
    if (nx * -mx + ny * -my <= 0) continue;
    for (let t = -half; t <= half + 1e-9; t += step) {
      const [x, y] = toWorld(mu + t * du, mv + t * dv);
      for (let z = cz - h / 2 + 0.25; z <= cz + h / 2 - 0.05; z += rowStep) {
        out.push(x + (rnd() - 0.5) * 2 * noise, y + (rnd() - 0.5) * 2 * noise, z + (rnd() - 0.5) * 2 * noise);
      }
    }
  }
  return out;
}

/** A ground grid at `groundZ`, leaving out the footprints of `boxes`. */
export function groundPoints(boxes: CuboidShape[], opts: SceneOptions = {}): number[] {
  const z = opts.groundZ ?? -1.73;
  const step = opts.groundStep ?? 0.3;
  const extent = opts.extent ?? 40;
  const out: number[] = [];
  for (let x = -extent; x <= extent; x += step) {
    for (let y = -extent; y <= extent; y += step) {
      const under = boxes.some((b) => {
        const dx = x - b.center[0];
        const dy = y - b.center[1];
        const u = dx * Math.cos(b.yaw) + dy * Math.sin(b.yaw);
        const v = dy * Math.cos(b.yaw) - dx * Math.sin(b.yaw);
        return Math.abs(u) <= b.size[0] / 2 && Math.abs(v) <= b.size[1] / 2;
      });
      if (!under) out.push(x, y, z);
    }
  }
  return out;
}

/** A box standing on the ground at z = groundZ. */
export function carOnGround(x: number, y: number, yaw: number, size: [number, number, number], groundZ = -1.73): CuboidShape {
  return { center: [x, y, groundZ + size[2] / 2], size, yaw };
}
