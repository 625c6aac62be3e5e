import { hashUnit } from './hashNoise.ts';
import { intersectPrimitive } from './primitives/intersectPrimitive.ts';
import type { Primitive } from './primitives/Primitive.ts';
import type { RigidZ } from './primitives/RigidZ.ts';
import type { RayBundle, SensorModel } from './sensor.ts';
import type { GroundModel } from './street/ground.ts';
import { intersectGround } from './street/intersectGround.ts';
import { candidateRays } from './candidateRays.ts';

/** Hit index meaning "the ground"; −1 means no hit. */
export const GROUND_HIT = -2;

/** Nearest hit of every ray: distance (metres, Infinity = none) and what was hit. */
export interface RayHits {
  /** Distance along each ray to its nearest accepted hit. */
  t: Float64Array;
  /** Index into the primitive list, GROUND_HIT, or −1. */
  hit: Int32Array;
}

/**
 * Casts every ray of one sweep from the LiDAR origin against the ground and a list of primitives
 * (both in the LiDAR frame; `lidarToWorld` lets the ground be evaluated in the world) and keeps
 * the nearest hit per ray. Each primitive only visits the columns and rings that its bounding
 * box can reach, so a frame costs a few million ray–primitive tests.
 * Foliage-like surfaces let a ray pass with their porosity, decided by hashing (frameKey, ray,
 * primitive) so that the result does not depend on loop order.
 */
export function castRays(
  sensor: SensorModel,
  rays: RayBundle,
  primitives: readonly Primitive[],
  ground: GroundModel,
  lidarToWorld: RigidZ,
  frameKey: number,
): RayHits {
  const { dx, dy, dz } = rays;
  const t = new Float64Array(rays.count).fill(Infinity);
  const hit = new Int32Array(rays.count).fill(-1);
  const beams = sensor.beams;
  const n = sensor.azimuthSteps;
  const reach = sensor.maxRange + 1;

  for (let i = 0; i < rays.count; i++) {
    const tg = intersectGround(ground, lidarToWorld, dx[i], dy[i], dz[i], reach);
    if (tg < t[i]) {
      t[i] = tg;
      hit[i] = GROUND_HIT;
    }
  }

  for (let p = 0; p < primitives.length; p++) {
    const prim = primitives[p];
    const range = candidateRays(sensor, prim, reach);
    if (range === null) continue;
    const { porosity, depthJitter } = prim.surface;
    for (let kk = range.k0; kk <= range.k1; kk++) {
      const k = ((kk % n) + n) % n;
      for (let r = range.r0; r <= range.r1; r++) {
        const i = k * beams + r;
        let ti = intersectPrimitive(prim, 0, 0, 0, dx[i], dy[i], dz[i]);
        if (!(ti < t[i])) continue;
        if (porosity > 0 && hashUnit(frameKey, i, p, 1) < porosity) continue;
        if (depthJitter > 0) {
          ti += depthJitter * hashUnit(frameKey, i, p, 2);
          if (!(ti < t[i])) continue;
        }
        t[i] = ti;
        hit[i] = p;
      }
    }
  }
  return { t, hit };
}
