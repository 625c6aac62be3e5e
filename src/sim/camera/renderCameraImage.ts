import type { KittiCalib } from '../../domain/kitti/KittiCalib.ts';
import { isWindowAt, MATERIALS } from '../materials.ts';
import { intersectSlabs } from '../primitives/intersectAxisBox.ts';
import { intersectPrimitive } from '../primitives/intersectPrimitive.ts';
import type { Primitive } from '../primitives/Primitive.ts';
import { primitiveBounds } from '../primitives/primitiveBounds.ts';
import type { Aabb } from '../primitives/primitiveBounds.ts';
import { primitiveNormal } from '../primitives/primitiveNormal.ts';
import type { RigidZ } from '../primitives/RigidZ.ts';
import { actorPrimitivesAt } from '../scene.ts';
import type { Scene } from '../scene.ts';
import { intersectGround } from '../street/intersectGround.ts';
import { baseColour, groundColour, HAZE, KERB, skyColour, WINDOW } from './cameraPalette.ts';
import type { Rgb } from './cameraPalette.ts';
import { cameraRigFromCalib } from './cameraRig.ts';
import { imageRectOfBox } from './imageRectOfBox.ts';

/** What a pixel of a rendered image shows (besides an actor index ≥ 0). */
export const PIXEL_SCENERY = -1;
export const PIXEL_GROUND = -2;
export const PIXEL_SKY = -3;

/** A rendered camera image. */
export interface CameraImage {
  width: number;
  height: number;
  /** 8-bit RGB, row by row from the top-left. */
  rgb: Uint8Array;
  /** Per pixel: the index of the actor it shows, or PIXEL_SCENERY, PIXEL_GROUND, PIXEL_SKY. */
  owner: Int32Array;
}

export interface RenderCameraOptions {
  /** `[width, height]` in pixels (default KITTI's 1242×375). */
  imageSize?: [number, number];
  /** Rays stop here, metres (default 400). */
  maxDistance?: number;
}

/** Unit vector towards the sun (world frame): behind the camera's left shoulder, 55° up. */
const SUN = ((): Rgb => {
  const v: Rgb = [-0.35, 0.45, 0.82];
  const n = Math.hypot(...v);
  return [v[0] / n, v[1] / n, v[2] / n];
})();
const AMBIENT = 0.5;
const DIFFUSE = 0.55;
/** Distance at which 1 − 1/e of a colour has faded into the haze, metres. */
const FOG_DISTANCE = 260;

const GROUND = -2;

/** Primitives of the actors grouped with their joint bounds, for shadow rays. */
interface Caster {
  bounds: Aabb;
  /**
   * xy rectangle [minX, minY, maxX, maxY] outside which no point at or above `LOWEST_RECEIVER`
   * can have the caster between itself and the sun: the bounds stretched away from the sun.
   */
  reach: [number, number, number, number];
  prims: Primitive[];
}

/** No receiving surface lies lower than this (world z, metres): the road is near 0. */
const LOWEST_RECEIVER = -1;

function castersOf(prims: readonly Primitive[]): Caster[] {
  const byOwner = new Map<number, Primitive[]>();
  for (const p of prims) if (p.owner >= 0) byOwner.set(p.owner, [...(byOwner.get(p.owner) ?? []), p]);
  return [...byOwner.values()].map((list) => {
    const b: Aabb = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
    for (const p of list) {
      const q = primitiveBounds(p);
      for (let k = 0; k < 3; k++) {
        b[k] = Math.min(b[k], q[k]);
        b[k + 3] = Math.max(b[k + 3], q[k + 3]);
      }
    }
    const run = (b[5] - LOWEST_RECEIVER) / SUN[2];
    const sx = -SUN[0] * run;
    const sy = -SUN[1] * run;
    const reach: Caster['reach'] = [b[0] + Math.min(0, sx), b[1] + Math.min(0, sy), b[3] + Math.max(0, sx), b[4] + Math.max(0, sy)];
    return { bounds: b, reach, prims: list };
  });
}

/** Whether the ray from (x, y, z) towards the sun meets an actor (other than primitive `self`). */
function inActorShadow(casters: readonly Caster[], self: Primitive | null, x: number, y: number, z: number): boolean {
  for (const c of casters) {
    const r = c.reach;
    if (x < r[0] || x > r[2] || y < r[1] || y > r[3]) continue;
    const b = c.bounds;
    if (intersectSlabs(b[0], b[1], b[2], b[3], b[4], b[5], x, y, z, SUN[0], SUN[1], SUN[2]) === Infinity) continue;
    for (const p of c.prims) {
      if (p !== self && intersectPrimitive(p, x, y, z, SUN[0], SUN[1], SUN[2]) < Infinity) return true;
    }
  }
  return false;
}

/**
 * Distance along a ray to the ground by marching in 1 m steps and bisecting the first crossing:
 * the fallback for grazing rays, where the ground's slope along the ray is close to the ray's own
 * and Newton's method (intersectGround) gives up. Infinity when no crossing lies within `maxT`.
 */
function marchGround(scene: Scene, o: readonly number[], dx: number, dy: number, dz: number, maxT: number): number {
  const above = (t: number): boolean => o[2] + t * dz > scene.ground.height(o[0] + t * dx, o[1] + t * dy);
  let lo = 0;
  for (let t = 1; t <= maxT; t += 1) {
    if (above(t)) {
      lo = t;
      continue;
    }
    let hi = t;
    for (let k = 0; k < 30; k++) {
      const mid = (lo + hi) / 2;
      if (above(mid)) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }
  return Infinity;
}

/**
 * Renders camera 2's view of a scene at `time` by ray casting: one ray per pixel centre from the
 * camera's optical centre (placed with `calib` and the frame's LiDAR pose `lidarToWorld`), nearest
 * hit among the ground and every primitive (foliage drawn solid). Shading is flat and simple, so
 * the image compresses well: a base colour per material and actor, facade windows, road markings
 * from the ground's reflectivity map, Lambert light from a fixed sun with the shadows that the
 * actors cast, a sky gradient and distance haze. No noise; deterministic.
 *
 * @param time seconds since frame 0 (the scene is frozen at this time)
 * @param lidarToWorld pose of the LiDAR in the world at `time`
 * @param calib calibration whose P2, R0_rect and Tr_velo_to_cam place camera 2
 */
export function renderCameraImage(scene: Scene, time: number, lidarToWorld: RigidZ, calib: KittiCalib, opts: RenderCameraOptions = {}): CameraImage {
  const [width, height] = opts.imageSize ?? [1242, 375];
  const maxDistance = opts.maxDistance ?? 400;
  const rig = cameraRigFromCalib(calib, lidarToWorld, [width, height]);
  const [ox, oy, oz] = rig.origin;
  const prims: Primitive[] = [...scene.statics];
  for (const a of scene.actors) prims.push(...actorPrimitivesAt(scene, a, time));

  const n = width * height;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const dz = new Float64Array(n);
  const m = rig.pixelToWorldDir;
  for (let v = 0, i = 0; v < height; v++) {
    for (let u = 0; u < width; u++, i++) {
      const a = m[0] * u + m[1] * v + m[2];
      const b = m[3] * u + m[4] * v + m[5];
      const c = m[6] * u + m[7] * v + m[8];
      const len = Math.hypot(a, b, c);
      dx[i] = a / len;
      dy[i] = b / len;
      dz[i] = c / len;
    }
  }

  const t = new Float64Array(n).fill(Infinity);
  const hit = new Int32Array(n).fill(-1);
  const cameraPose: RigidZ = { yaw: 0, tx: ox, ty: oy, tz: oz };
  for (let i = 0; i < n; i++) {
    if (dz[i] >= 0) continue;
    let tg = intersectGround(scene.ground, cameraPose, dx[i], dy[i], dz[i], maxDistance);
    if (tg === Infinity) tg = marchGround(scene, rig.origin, dx[i], dy[i], dz[i], maxDistance);
    if (tg < t[i]) {
      t[i] = tg;
      hit[i] = GROUND;
    }
  }
  for (let p = 0; p < prims.length; p++) {
    const prim = prims[p];
    const rect = imageRectOfBox(primitiveBounds(prim), rig.worldToImage, width, height);
    if (rect === null) continue;
    for (let v = rect.v0; v <= rect.v1; v++) {
      for (let i = v * width + rect.u0, end = v * width + rect.u1; i <= end; i++) {
        const ti = intersectPrimitive(prim, ox, oy, oz, dx[i], dy[i], dz[i]);
        if (ti < t[i] && ti <= maxDistance) {
          t[i] = ti;
          hit[i] = p;
        }
      }
    }
  }

  const casters = castersOf(prims);
  const rgb = new Uint8Array(n * 3);
  const owner = new Int32Array(n);
  const normal = [0, 0, 1];
  const grad = [0, 0];
  const colour: Rgb = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const h = hit[i];
    if (h === -1) {
      skyColour(dz[i], colour);
      owner[i] = PIXEL_SKY;
    } else {
      const x = ox + t[i] * dx[i];
      const y = oy + t[i] * dy[i];
      const z = oz + t[i] * dz[i];
      let base: Rgb;
      let self: Primitive | null = null;
      if (h === GROUND) {
        scene.ground.gradient(x, y, grad);
        const len = Math.hypot(grad[0], grad[1], 1);
        normal[0] = -grad[0] / len;
        normal[1] = -grad[1] / len;
        normal[2] = 1 / len;
        base = groundColour(scene.ground.albedo(x, y));
        owner[i] = PIXEL_GROUND;
      } else {
        self = prims[h];
        primitiveNormal(self, x, y, z, normal);
        const s = self.surface;
        owner[i] = self.owner >= 0 ? self.owner : PIXEL_SCENERY;
        base = baseColour(s, self.owner >= 0 ? scene.actors[self.owner] : undefined);
        if (Math.abs(normal[2]) < 0.5) {
          if (s.windows !== undefined && isWindowAt((Math.abs(normal[0]) > 0.5 ? y : x) + s.windows, z)) base = WINDOW;
          else if (s === MATERIALS.concrete) base = KERB;
        }
      }
      let lambert = Math.max(0, normal[0] * SUN[0] + normal[1] * SUN[1] + normal[2] * SUN[2]);
      if (lambert > 0 && inActorShadow(casters, self, x + 0.02 * normal[0], y + 0.02 * normal[1], z + 0.02 * normal[2])) lambert = 0;
      const light = AMBIENT * (0.85 + 0.15 * normal[2]) + DIFFUSE * lambert;
      const fog = 1 - Math.exp(-t[i] / FOG_DISTANCE);
      for (let k = 0; k < 3; k++) colour[k] = base[k] * light * (1 - fog) + HAZE[k] * fog;
    }
    for (let k = 0; k < 3; k++) rgb[i * 3 + k] = Math.round(Math.min(1, Math.max(0, colour[k])) * 255);
  }
  return { width, height, rgb, owner };
}
