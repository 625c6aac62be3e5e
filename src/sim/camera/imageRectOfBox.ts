import type { Aabb } from '../primitives/primitiveBounds.ts';

/** Inclusive pixel rectangle: columns u0..u1, rows v0..v1. */
export interface PixelRect {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
}

const EDGES = [
  [0, 1],
  [2, 3],
  [4, 5],
  [6, 7],
  [0, 2],
  [1, 3],
  [4, 6],
  [5, 7],
  [0, 4],
  [1, 5],
  [2, 6],
  [3, 7],
];

/**
 * The pixels whose rays may meet an axis-aligned box: the bounds of the projection of its part in
 * front of the near plane (corners in front, and the points where its edges cross the near
 * plane), grown by one pixel and clipped to the image. `null` when the box lies wholly behind the
 * near plane or off the image. A box with an infinite bound (a plane) covers the whole image.
 *
 * @param box world-frame bounds, metres
 * @param worldToImage 3×4 row-major world → (u·w, v·w, w), w the depth in metres
 * @param near depth of the near plane, metres
 */
export function imageRectOfBox(box: Aabb, worldToImage: readonly number[], width: number, height: number, near = 0.05): PixelRect | null {
  if (!box.every(Number.isFinite)) return { u0: 0, v0: 0, u1: width - 1, v1: height - 1 };
  const m = worldToImage;
  const pu: number[] = [];
  const pv: number[] = [];
  const pw: number[] = [];
  for (let k = 0; k < 8; k++) {
    const x = box[k & 1 ? 3 : 0];
    const y = box[k & 2 ? 4 : 1];
    const z = box[k & 4 ? 5 : 2];
    pu.push(m[0] * x + m[1] * y + m[2] * z + m[3]);
    pv.push(m[4] * x + m[5] * y + m[6] * z + m[7]);
    pw.push(m[8] * x + m[9] * y + m[10] * z + m[11]);
  }
  let uMin = Infinity;
  let uMax = -Infinity;
  let vMin = Infinity;
  let vMax = -Infinity;
  const add = (u: number, v: number, w: number): void => {
    const a = u / w;
    const b = v / w;
    if (a < uMin) uMin = a;
    if (a > uMax) uMax = a;
    if (b < vMin) vMin = b;
    if (b > vMax) vMax = b;
  };
  for (let k = 0; k < 8; k++) if (pw[k] >= near) add(pu[k], pv[k], pw[k]);
  for (const [a, b] of EDGES) {
    if (pw[a] >= near === pw[b] >= near) continue;
    const s = (near - pw[a]) / (pw[b] - pw[a]);
    add(pu[a] + s * (pu[b] - pu[a]), pv[a] + s * (pv[b] - pv[a]), near);
  }
  if (uMin === Infinity) return null;
  const u0 = Math.max(0, Math.floor(uMin) - 1);
  const u1 = Math.min(width - 1, Math.ceil(uMax) + 1);
  const v0 = Math.max(0, Math.floor(vMin) - 1);
  const v1 = Math.min(height - 1, Math.ceil(vMax) + 1);
  return u0 > u1 || v0 > v1 ? null : { u0, v0, u1, v1 };
}
